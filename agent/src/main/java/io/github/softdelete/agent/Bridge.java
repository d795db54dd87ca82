package io.github.softdelete.agent;

import java.util.function.BiFunction;

/**
 * What the hook woven into MyBatis's {@code InterceptorChain#pluginAll} calls. Public, and with JDK types
 * only, because it is called from MyBatis's class loader, which sees this class through its parent, the system
 * class loader that holds the agent jar.
 */
public final class Bridge {
  private static volatile BiFunction<Object, Object, Object> hook;
  private static volatile boolean failed;

  private Bridge() {}

  /**
   * The object MyBatis should use in place of {@code target}: {@code target} itself when there is nothing to do.
   * Never throws: whatever goes wrong here, MyBatis gets the object it built.
   */
  public static Object pluginAll(Object chain, Object target) {
    BiFunction<Object, Object, Object> current = hook;
    if (current == null || target == null) {
      return target;
    }
    try {
      return current.apply(chain, target);
    } catch (RuntimeException | LinkageError e) {
      if (!failed) {
        failed = true;
        AgentLog.line("cannot wrap " + target.getClass().getName() + " (" + e + "); it runs without soft deletes");
      }
      return target;
    }
  }

  static void install(BiFunction<Object, Object, Object> newHook) {
    hook = newHook;
  }
}
