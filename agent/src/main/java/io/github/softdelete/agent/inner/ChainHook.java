package io.github.softdelete.agent.inner;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.util.Properties;
import java.util.function.BiFunction;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.InterceptorChain;

/**
 * Called at the end of {@code InterceptorChain#pluginAll}: wraps each executor in the agent's
 * {@link SoftDeleteInterceptor}, unless the application registered one itself in that chain.
 */
public final class ChainHook implements BiFunction<Object, Object, Object> {
  // by name: the application's copy is another class than ours, loaded by another class loader
  private static final String PLUGIN = SoftDeleteInterceptor.class.getName();

  private final SoftDeleteInterceptor interceptor;

  public ChainHook(Properties options) {
    this.interceptor = new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(options));
  }

  @Override
  public Object apply(Object chain, Object target) {
    if (!(target instanceof Executor) || registeredByApplication((InterceptorChain) chain)) {
      return target;
    }
    return interceptor.plugin(target);
  }

  private static boolean registeredByApplication(InterceptorChain chain) {
    for (Interceptor registered : chain.getInterceptors()) {
      for (Class<?> type = registered.getClass(); type != null; type = type.getSuperclass()) {
        if (type.getName().equals(PLUGIN)) {
          return true;
        }
      }
    }
    return false;
  }
}
