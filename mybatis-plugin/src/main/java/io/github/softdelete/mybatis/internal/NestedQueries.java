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
 * Filters nested selects.
 *
 * <p>The nested selects of a result map ({@code <association select=...>}, {@code <collection select=...>})
 * and their lazy loads run on the executor's "wrapper", which MyBatis sets to the {@link CachingExecutor} (or
 * the executor itself), not to the plugins around it: without this they would read deleted rows. MyBatis
 * offers no public way in, so this follows the chain: plugin proxies, our own wrappers, then the caching
 * executor's delegate, to the {@link BaseExecutor}, and puts a rewriting executor around the wrapper MyBatis
 * gave it. Nested selects then pass through softdelete and the second-level cache, and still past the
 * application's own plugins, which see no nested select, as without softdelete.
 */
public final class NestedQueries {
  // field handles, resolved once: this runs for every session that MyBatis opens
  private static final VarHandle CACHING_DELEGATE = field(CachingExecutor.class, "delegate", Executor.class);
  private static final VarHandle PLUGIN_TARGET = field(Plugin.class, "target", Object.class);
  private static final VarHandle BASE_WRAPPER = field(BaseExecutor.class, "wrapper", Executor.class);

  private NestedQueries() {}

  /** Makes the nested selects of {@code target} run through a {@link SoftDeleteExecutor} of {@code databases}. */
  public static void filter(Executor target, Databases databases) {
    Object executor = target;
    while (true) {
      if (executor instanceof BaseExecutor base) {
        Executor wrapper = BASE_WRAPPER == null
            ? (Executor) SystemMetaObject.forObject(base).getValue("wrapper")
            : (Executor) BASE_WRAPPER.get(base);
        base.setExecutorWrapper(new SoftDeleteExecutor(wrapper, databases));
        return;
      } else if (executor instanceof CachingExecutor caching) {
        executor = CACHING_DELEGATE == null
            ? SystemMetaObject.forObject(caching).getValue("delegate")
            : (Executor) CACHING_DELEGATE.get(caching);
      } else if (executor instanceof SoftDeleteExecutor rewriting) {
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
