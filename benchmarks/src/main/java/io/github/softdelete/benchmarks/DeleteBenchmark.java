package io.github.softdelete.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * A delete by id that really marks one row, committed, through its own SqlSession. The row is restored before
 * the next call, untimed ({@code Level.Invocation}: the call takes tens of microseconds, far above the cost
 * of JMH's time stamps around it). Plain MyBatis is left out: its delete erases the row.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class DeleteBenchmark {
  @Param({"FLOOR", "SOFTDELETE", "MP_LOGIC", "MP_REWRITE", "MP_REWRITE_CACHED"})
  public Variant variant;

  private Shop shop;
  private Variant.Calls calls;
  private long[] userIds;
  private int next;
  private long deleted = -1;

  @Setup(Level.Trial)
  public void open() {
    shop = Shop.create();
    calls = variant.calls(shop.dataSource());
    Checks.deletes(variant, calls, shop);
    userIds = Shop.liveUserIds();
  }

  @Setup(Level.Invocation)
  public void restorePrevious() {
    if (deleted >= 0) {
      shop.restoreUser(deleted);
    }
    deleted = userIds[next++ % userIds.length];
  }

  @TearDown(Level.Trial)
  public void close() {
    shop.close();
  }

  @Benchmark
  public int deleteById() {
    int count = calls.deleteById(deleted);
    if (count != 1) {
      throw new IllegalStateException(variant + " deleted " + count + " rows for user " + deleted);
    }
    return count;
  }
}
