package io.github.softdelete.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
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
 * What {@code <foreach>} IN-lists cost: every length a new SQL text, so every length a miss of a cache keyed
 * by text. Each measured call starts from fresh caches (a new interceptor, which has met its database through
 * another statement, untimed):
 *
 * <ul>
 *   <li>{@code storm}: the LEFT JOIN with an IN-list of every length from 1 to {@code longest}, each once;
 *   <li>{@code firstOfLength}: a {@code length}-item list right after a list one item shorter;
 *   <li>{@code warm}: the same list again, its rewrite cached.
 * </ul>
 *
 * The floor is the same calls with the filter written by hand, through plain MyBatis; MyBatis-Plus's runtime
 * rewrite runs them as written, with and without its parse cache (a new, empty one with each fresh factory).
 * Every engine's rows are checked against the hand-filtered SQL before timing starts.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class ForeachStormBenchmark {
  @Param({"FLOOR", "SOFTDELETE", "MP_REWRITE", "MP_REWRITE_CACHED"})
  public StormEngine engine;

  @Param({"300"})
  public int longest;

  @Param({"1000"})
  public int length;

  private Shop shop;
  private List<List<Long>> lists;
  private List<Long> longList;
  private ForeachCalls warmCalls;

  @Setup(Level.Trial)
  public void open() {
    shop = Shop.create();
    long[] users = Shop.liveUserIds();
    lists = new ArrayList<>();
    for (int n = 1; n <= longest; n++) {
      lists.add(LongStream.of(users).limit(n).boxed().toList());
    }
    longList = LongStream.of(users).limit(length).boxed().toList();
    check(calls());
    warmCalls = calls();
    warmCalls.join(longList);
  }

  /** Untimed before each call: fresh caches, and an engine that has met the database. */
  @State(Scope.Thread)
  public static class Fresh {
    ForeachCalls calls;

    @Setup(Level.Invocation)
    public void freshCaches(ForeachStormBenchmark benchmark) {
      calls = benchmark.calls();
      calls.mapper(mapper -> mapper.name(1));
    }
  }

  /** As {@link Fresh}, and the long list one item shorter has run. */
  @State(Scope.Thread)
  public static class AfterShorter {
    ForeachCalls calls;

    @Setup(Level.Invocation)
    public void freshCachesAndShorterList(ForeachStormBenchmark benchmark) {
      calls = benchmark.calls();
      calls.mapper(mapper -> mapper.name(1));
      calls.join(benchmark.longList.subList(0, benchmark.length - 1));
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    shop.close();
  }

  @Benchmark
  public int storm(Fresh fresh) {
    int rows = 0;
    for (List<Long> ids : lists) {
      rows += fresh.calls.join(ids).size();
    }
    return rows;
  }

  @Benchmark
  public int firstOfLength(AfterShorter after) {
    return after.calls.join(longList).size();
  }

  @Benchmark
  public int warm() {
    return warmCalls.join(longList).size();
  }

  private ForeachCalls calls() {
    return new ForeachCalls(engine.factory(shop.dataSource(), ForeachMapper.class), engine.handFiltered());
  }

  private void check(ForeachCalls calls) {
    Checks.foreachFloorIsWhatSoftdeleteSends(calls.factory().getConfiguration());
    Checks.foreachJoin(engine, calls::join, shop);
  }

  private record ForeachCalls(SqlSessionFactory factory, boolean filtered) {
    List<UserOrder> join(List<Long> ids) {
      return mapper(mapper -> filtered ? mapper.joinFiltered(ids) : mapper.join(ids));
    }

    <T> T mapper(java.util.function.Function<ForeachMapper, T> call) {
      try (SqlSession session = factory.openSession(true)) {
        return call.apply(session.getMapper(ForeachMapper.class));
      }
    }
  }
}
