package io.github.softdelete.mybatis.engine;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The meters of one interceptor, which may be bound after it was built (Spring binds a registry once the
 * interceptor bean exists): forwards to the meters bound last, {@link Meters#NONE} until then. The caches made
 * before are handed to meters bound later.
 */
public final class MeterSwitch implements Meters {
  private volatile Meters target = Meters.NONE;
  // weakly: a cache goes with its database's rewriter; guarded by itself
  private final List<WeakReference<RewriteCache>> caches = new ArrayList<>();

  /** Forwards from now on to {@code meters}, and hands it the caches made so far. */
  public void bind(Meters meters) {
    Meters bound = meters == null ? Meters.NONE : meters;
    synchronized (caches) {
      target = bound;
      for (WeakReference<RewriteCache> cache : caches) {
        RewriteCache live = cache.get();
        if (live != null) {
          bound.cacheCreated(live);
        }
      }
    }
  }

  @Override
  public void rewritten(String statementId) {
    target.rewritten(statementId);
  }

  @Override
  public void unchanged(String statementId) {
    target.unchanged(statementId);
  }

  @Override
  public void refused(String statementId) {
    target.refused(statementId);
  }

  @Override
  public void cacheHit() {
    target.cacheHit();
  }

  @Override
  public void cacheMiss(long nanos) {
    target.cacheMiss(nanos);
  }

  @Override
  public void cacheCreated(RewriteCache cache) {
    synchronized (caches) {
      caches.removeIf(c -> c.get() == null);
      caches.add(new WeakReference<>(cache));
      target.cacheCreated(cache);
    }
  }
}
