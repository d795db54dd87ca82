package io.github.softdelete.agent;

import java.util.function.BiFunction;

/**
 * What the advice woven into MyBatis's {@code InterceptorChain#pluginAll} calls. Public, and with JDK types
 * only, because it is called from MyBatis's class loader, which sees this class through its parent, the system
 * class loader that holds the agent jar.
 */
public final class Bridge {
  private static volatile BiFunction<Object, Object, Object> hook;

  private Bridge() {}

  /** The object MyBatis should use in place of {@code target}: {@code target} itself when there is nothing to do. */
  public static Object pluginAll(Object chain, Object target) {
    BiFunction<Object, Object, Object> current = hook;
    return current == null ? target : current.apply(chain, target);
  }

  static void install(BiFunction<Object, Object, Object> newHook) {
    hook = newHook;
  }
}
