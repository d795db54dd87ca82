package io.github.softdelete.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code ${}} literals cost: {@code storm} runs {@code selects} point selects that differ only by the id
 * spliced into the text, each a new SQL text, from fresh caches (a new factory and engine, which has met its
 * database through another statement, untimed). The floor is the same selects with the filter written by hand,
 * through plain MyBatis (which, like the database, meets a new text each time too); MyBatis-Plus's runtime
 * rewrite runs them as written, with and without its parse cache (a new, empty one per storm).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class LiteralStormBenchmark {
  @Param({"FLOOR", "SOFTDELETE", "MP_REWRITE", "MP_REWRITE_CACHED"})
  public StormEngine engine;

  @Param({"300"})
  public int selects;

  private Shop shop;
  private long[] ids;

  @Setup(Level.Trial)
  public void open() {
    shop = Shop.create();
    ids = java.util.Arrays.copyOf(Shop.liveUserIds(), selects);
    LiteralCalls calls = calls();
    Checks.literalFloorIsWhatSoftdeleteSends(calls.factory().getConfiguration());
    Checks.literalSelect(engine, calls::user, shop);
  }

  /** Untimed before each storm: fresh caches, and an engine that has met the database. */
  @State(Scope.Thread)
  public static class Fresh {
    LiteralCalls calls;

    @Setup(Level.Invocation)
    public void freshCaches(LiteralStormBenchmark benchmark) {
      calls = benchmark.calls();
      calls.mapper(mapper -> mapper.name(1));
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    shop.close();
  }

  @Benchmark
  public int storm(Fresh fresh) {
    int found = 0;
    for (long id : ids) {
      if (fresh.calls.user(id) != null) {
        found++;
      }
    }
    if (found != ids.length) {
      throw new IllegalStateException(engine + " found " + found + " of " + ids.length + " live users");
    }
    return found;
  }

  private LiteralCalls calls() {
    return new LiteralCalls(engine.factory(shop.dataSource(), LiteralMapper.class), engine.handFiltered());
  }

  private record LiteralCalls(SqlSessionFactory factory, boolean filtered) {
    User user(long id) {
      return mapper(mapper -> filtered ? mapper.userFiltered(id) : mapper.user(id));
    }

    <T> T mapper(Function<LiteralMapper, T> call) {
      try (SqlSession session = factory.openSession(true)) {
        return call.apply(session.getMapper(LiteralMapper.class));
      }
    }
  }
}
