package io.github.softdelete.mybatis;

import io.github.softdelete.mybatis.engine.Meters;
import io.github.softdelete.mybatis.engine.RewriteCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@link Meters} on a Micrometer registry (see {@link SoftDeleteMetrics} for the names). A statement's three
 * counters are looked up once and kept by its id, so that a call costs one map read and one add.
 */
final class MicrometerMeters implements Meters {
  private static final String OTHER = "other";

  private final MeterRegistry registry;
  private final int maxStatements;
  // statement id -> its counters: rewritten, unchanged, refused
  private final Map<String, Counter[]> byStatement = new ConcurrentHashMap<>();
  private final Counter hits;
  private final Counter misses;
  private final Timer cold;
  private final List<WeakReference<RewriteCache>> caches = new CopyOnWriteArrayList<>();

  MicrometerMeters(MeterRegistry registry, int maxStatements) {
    this.registry = registry;
    this.maxStatements = maxStatements;
    this.hits = Counter.builder("softdelete.cache.hits").description("answers the rewrite cache had")
        .register(registry);
    this.misses = Counter.builder("softdelete.cache.misses").description("statements the rewrite cache had not seen")
        .register(registry);
    this.cold = Timer.builder("softdelete.rewrite.cold").description("time to parse and rewrite an unseen statement")
        .register(registry);
    Gauge.builder("softdelete.cache.size", this, MicrometerMeters::cachedAnswers)
        .description("answers held by the rewrite caches").register(registry);
    for (SoftDeleteMode mode : List.of(SoftDeleteMode.INCLUDE_DELETED, SoftDeleteMode.ONLY_DELETED,
        SoftDeleteMode.HARD_DELETE, SoftDeleteMode.UNDELETE)) {
      FunctionCounter.builder("softdelete.scopes", mode, ScopeEntries::count).tag("scope", scopeName(mode))
          .description("times the scope was entered").register(registry);
    }
  }

  private static String scopeName(SoftDeleteMode mode) {
    return switch (mode) {
      case INCLUDE_DELETED -> "IncludeDeleted";
      case ONLY_DELETED -> "OnlyDeleted";
      case HARD_DELETE -> "HardDelete";
      default -> "Undelete";
    };
  }

  @Override
  public void rewritten(String statementId) {
    counters(statementId)[0].increment();
  }

  @Override
  public void unchanged(String statementId) {
    counters(statementId)[1].increment();
  }

  @Override
  public void refused(String statementId) {
    counters(statementId)[2].increment();
  }

  @Override
  public void cacheHit() {
    hits.increment();
  }

  @Override
  public void cacheMiss(long nanos) {
    misses.increment();
    cold.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void cacheCreated(RewriteCache cache) {
    caches.removeIf(c -> c.get() == null);
    caches.add(new WeakReference<>(cache));
  }

  private Counter[] counters(String statementId) {
    Counter[] counters = byStatement.get(statementId);
    if (counters != null) {
      return counters;
    }
    // bounded: ids past the limit (say, generated ones) share one set, so memory and series stay bounded
    String tag = byStatement.size() < maxStatements ? statementId : OTHER;
    Counter[] made = byStatement.computeIfAbsent(tag, t -> new Counter[] {counter(t, "rewritten"),
        counter(t, "unchanged"), counter(t, "refused")});
    return made;
  }

  private Counter counter(String statement, String outcome) {
    return Counter.builder("softdelete.statements").tag("statement", statement).tag("outcome", outcome)
        .description("calls of statements that mention a soft table, by what became of them").register(registry);
  }

  private double cachedAnswers() {
    long size = 0;
    for (WeakReference<RewriteCache> cache : caches) {
      RewriteCache live = cache.get();
      if (live != null) {
        size += live.size();
      }
    }
    return size;
  }
}
