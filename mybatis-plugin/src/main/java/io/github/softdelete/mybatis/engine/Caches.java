package io.github.softdelete.mybatis.engine;

import com.github.benmanes.caffeine.cache.Caffeine;

/** The one way this library builds its Caffeine caches. */
public final class Caches {
  private Caches() {}

  /**
   * A builder whose cache does its upkeep on the calling thread. By default Caffeine hands its upkeep to the
   * common ForkJoinPool every few reads, and waking a pool thread costs more than the rest of a warm statement.
   */
  public static Caffeine<Object, Object> upkeepOnCallingThread() {
    return Caffeine.newBuilder().executor(Runnable::run);
  }
}
