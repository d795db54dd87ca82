package io.github.softdelete.mybatis.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * the executor itself), not to the plugins around it: without this they would read deleted rows. MyBatis
 * offers no public way in, so this follows the chain: plugin proxies, our own wrappers, then the caching
 * executor's delegate, to the {@link BaseExecutor}, and makes {@code wrapper} its wrapper. Nested selects then
 * pass through this plugin, the plugins registered before it, and the second-level cache, as top-level queries
 * do.
 */
public final class NestedQueries {
  // field handles, resolved once: this runs for every session that MyBatis opens
  private static final VarHandle CACHING_DELEGATE = field(CachingExecutor.class, "delegate", Executor.class);
  private static final VarHandle PLUGIN_TARGET = field(Plugin.class, "target", Object.class);

  private NestedQueries() {}

  /** Makes {@code wrapper}, which wraps {@code target}, the executor that nested selects of {@code target} use. */
  public static void routeThrough(Executor target, Executor wrapper) {
    Object executor = target;
    while (true) {
      if (executor instanceof BaseExecutor base) {
        base.setExecutorWrapper(wrapper);
        return;
      } else if (executor instanceof CachingExecutor caching) {
        executor = CACHING_DELEGATE == null
            ? SystemMetaObject.forObject(caching).getValue("delegate")
            : (Executor) CACHING_DELEGATE.get(caching);
      } else if (executor instanceof RewritingExecutor rewriting) {
        executor = rewriting.delegate();
      } else if (Proxy.isProxyClass(executor.getClass())
          && Proxy.getInvocationHandler(executor) instanceof Plugin plugin) {
        executor = PLUGIN_TARGET == null
            ? SystemMetaObject.forObject(plugin).getValue("target")
            : (Object) PLUGIN_TARGET.get(plugin);
      } else {
        // an executor of a kind we cannot see into: its nested selects stay where MyBatis put them
        return;
      }
    }
  }

  private static VarHandle field(Class<?> owner, String name, Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
    } catch (ReflectiveOperationException | SecurityException e) {
      // a MyBatis that renamed the field, or a module that does not open it: the slower reflective way
      return null;
    }
  }
}
