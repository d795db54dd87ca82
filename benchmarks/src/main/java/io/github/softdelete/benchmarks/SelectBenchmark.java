package io.github.softdelete.benchmarks;

import java.util.List;
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
 * Reads, each a full MyBatis call through its own SqlSession: a point select by id, a LEFT JOIN with an
 * IN-subquery, and a select of a table that is not soft-deletable. Every variant in its own forked JVM, on its
 * own database.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class SelectBenchmark {
  @Param({"FLOOR", "PLAIN", "SOFTDELETE", "MP_LOGIC", "MP_REWRITE", "MP_REWRITE_CACHED"})
  public Variant variant;

  private Shop shop;
  private Variant.Calls calls;
  private long[] userIds;
  private long[] orderIds;
  private long[] productIds;
  private int next;

  @Setup(Level.Trial)
  public void open() {
    shop = Shop.create();
    calls = variant.calls(shop.dataSource());
    Checks.selects(variant, calls, shop);
    userIds = Shop.liveUserIds();
    orderIds = Shop.liveOrderIdsOfLiveUsers();
    productIds = Shop.productIds();
  }

  @TearDown(Level.Trial)
  public void close() {
    shop.close();
  }

  @Benchmark
  public User pointSelect() {
    return calls.pointSelect(userIds[next++ % userIds.length]);
  }

  @Benchmark
  public List<UserOrder> leftJoinInSubquery() {
    return calls.join(orderIds[next++ % orderIds.length]);
  }

  @Benchmark
  public String untouchedSelect() {
    return calls.untouchedSelect(productIds[next++ % productIds.length]);
  }
}
