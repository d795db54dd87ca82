package io.github.softdelete.mybatis;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Binds an interceptor's counts to a Micrometer registry; Spring Boot's auto-configuration does it for the
 * interceptor bean when there is a {@code MeterRegistry} bean. Needs Micrometer ({@code micrometer-core}, an
 * optional dependency); without it nothing here is loaded and nothing is counted but scope entries.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code softdelete.statements}</td><td>{@code statement} (mapped statement id; past
 *       {@value #MAX_STATEMENT_TAGS} ids, {@code other}), {@code outcome} ({@code rewritten}, {@code unchanged},
 *       {@code refused})</td><td>calls of statements that mention a soft table</td></tr>
 *   <tr><td>{@code softdelete.cache.hits}, {@code softdelete.cache.misses}</td><td></td><td>answers of the rewrite
 *       cache; a static statement is answered before it from its second call on, and is counted in neither</td></tr>
 *   <tr><td>{@code softdelete.cache.size}</td><td></td><td>answers held, every mode and database together</td></tr>
 *   <tr><td>{@code softdelete.rewrite.cold}</td><td></td><td>time to parse and rewrite a statement the cache had
 *       not seen</td></tr>
 *   <tr><td>{@code softdelete.scopes}</td><td>{@code scope} ({@code IncludeDeleted}, {@code OnlyDeleted},
 *       {@code HardDelete}, {@code Undelete})</td><td>times each scope was entered, since the class loaded</td></tr>
 * </table>
 */
public final class SoftDeleteMetrics {
  /** The most distinct statement ids tagged; the calls of any further ones count as {@code statement=other}. */
  public static final int MAX_STATEMENT_TAGS = 1000;

  // one set of meters per registry, which every interceptor bound to it shares (a gauge is registered once)
  private static final Map<MeterRegistry, MicrometerMeters> BY_REGISTRY = new WeakHashMap<>();

  private SoftDeleteMetrics() {}

  /**
   * Counts {@code interceptor}'s statements and caches, and the scopes, on {@code registry} from now on; several
   * interceptors bound to one registry count together.
   */
  public static void bind(SoftDeleteInterceptor interceptor, MeterRegistry registry) {
    MicrometerMeters meters;
    synchronized (BY_REGISTRY) {
      meters = BY_REGISTRY.computeIfAbsent(registry, r -> new MicrometerMeters(r, MAX_STATEMENT_TAGS));
    }
    interceptor.meters().bind(meters);
  }
}
