package io.github.softdelete.mybatis.internal;

import java.lang.reflect.Proxy;
import org.apache.ibatis.executor.BaseExecutor;
import org.apache.ibatis.executor.CachingExecutor;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.reflection.SystemMetaObject;

/**
 * Routes nested selects through the plugin.
 *
 * <p>The nested selects of a result map ({@code <association select=...>}, {@code <collection select=...>})
 * and their lazy loads run on the executor's "wrapper", which MyBatis sets to the {@link CachingExecutor} (or
 * the executor itself), not to the plugin proxies around it: without this they would read deleted rows.
 * MyBatis offers no public way in, so this follows the chain: plugin proxies, then the caching executor's
 * delegate, to the {@link BaseExecutor}, and makes {@code proxy} its wrapper. Nested selects then pass through
 * this plugin, the plugins registered before it, and the second-level cache, as top-level queries do.
 */
public final class NestedQueries {
  private NestedQueries() {}

  /** Makes {@code proxy}, which wraps {@code target}, the executor that nested selects of {@code target} use. */
  public static void routeThrough(Executor target, Executor proxy) {
    Object executor = target;
    while (Proxy.isProxyClass(executor.getClass()) && Proxy.getInvocationHandler(executor) instanceof Plugin plugin) {
      executor = SystemMetaObject.forObject(plugin).getValue("target");
    }
    if (executor instanceof CachingExecutor caching) {
      executor = SystemMetaObject.forObject(caching).getValue("delegate");
    }
    if (executor instanceof BaseExecutor base) {
      base.setExecutorWrapper(proxy);
    }
  }
}
