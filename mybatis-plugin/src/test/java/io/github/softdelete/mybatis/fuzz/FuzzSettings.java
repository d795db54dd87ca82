package io.github.softdelete.mybatis.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * How many cases to run, from system properties: {@code -Dfuzz.cases=N} runs N SELECT cases and N / 4
 * DELETE/UPDATE cases on each database instead of its CI count, {@code -Dfuzz.seed=S} replays
 * the one case with seed S, {@code -Dfuzz.from=S} starts the seeds elsewhere (default: a fixed start, so
 * that CI is reproducible).
 */
record FuzzSettings(List<Long> selectSeeds, List<Long> dmlSeeds) {
  static final long DEFAULT_FROM = 1_000_000L;

  /**
   * @param selects CI count of SELECT cases
   * @param dmls CI count of DELETE/UPDATE cases
   */
  static FuzzSettings fromSystemProperties(int selects, int dmls) {
    String replay = System.getProperty("fuzz.seed");
    if (replay != null && !replay.isBlank()) {
      long seed = Long.parseLong(replay.strip());
      return new FuzzSettings(List.of(seed), List.of(seed));
    }
    Integer cases = Integer.getInteger("fuzz.cases");
    long from = Long.getLong("fuzz.from", DEFAULT_FROM);
    return new FuzzSettings(seeds(from, cases == null ? selects : cases),
        seeds(from + 500_000_000L, cases == null ? dmls : cases / 4));
  }

  private static List<Long> seeds(long from, int count) {
    List<Long> seeds = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      seeds.add(from + i);
    }
    return seeds;
  }
}
