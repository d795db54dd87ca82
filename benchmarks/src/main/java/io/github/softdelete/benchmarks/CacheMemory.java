package io.github.softdelete.benchmarks;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.engine.RewriteCache;
import io.github.softdelete.mybatis.rewrite.Dialect;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The memory test: feeds the rewrite cache distinct statements, as {@code ${}} literals make them, and shows
 * that it holds its bound, and what an entry costs, through the cache the interceptor uses; not a JMH
 * benchmark (a single long run, measured by heap after full GCs).
 *
 * <p>Arguments: statements to feed (default 1,000,000), cache bound (default 10,000, the default
 * {@code cacheSize}).
 */
public final class CacheMemory {
  private CacheMemory() {}

  public static void main(String[] args) throws InterruptedException {
    int statements = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int bound = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    EngineFactory engines = EngineFactory.of("tables", "users:orders", "cacheSize", String.valueOf(bound));
    RewriteCache cache = engines.cache(engines.rewriterWithoutDatabase(Dialect.UNKNOWN), RewriteCache.Notes.NONE);

    long empty = usedAfterGc();
    long largest = 0;
    long started = System.nanoTime();
    for (int i = 0; i < statements; i++) {
      // what "SELECT ... WHERE id = ${id}" makes: a new statement text per value
      String sql = "SELECT u.id, u.name FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = " + i;
      cache.resultFor("bench.byLiteral", sql, SoftDeleteMode.DEFAULT);
      if ((i + 1) % (statements / 10) == 0) {
        long size = cache.size();
        largest = Math.max(largest, size);
        System.out.printf("fed %,d statements: %,d cached%n", i + 1, size);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long size = cache.size();
    long full = usedAfterGc();
    long perEntry = (full - empty) / Math.max(1, size);
    System.out.printf("statements fed: %,d in %.1f s (%.1f us per cold rewrite)%n", statements, seconds,
        seconds * 1e6 / statements);
    System.out.printf("bound: %,d; largest size seen: %,d; size at end: %,d: %s%n", bound, largest, size,
        largest <= bound ? "HOLDS" : "EXCEEDED");
    System.out.printf("heap held by the cache: %,d bytes, %,d bytes per entry%n", full - empty, perEntry);
    if (largest > bound) {
      System.exit(1);
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
