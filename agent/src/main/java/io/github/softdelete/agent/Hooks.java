package io.github.softdelete.agent;

import java.util.Properties;
import java.util.function.BiFunction;

/**
 * The hook the {@link Bridge} calls: one {@code inner.ChainHook} per copy of MyBatis (per class loader of
 * {@code InterceptorChain}), created on the first executor that copy builds.
 */
final class Hooks implements BiFunction<Object, Object, Object> {
  static final String CHAIN_HOOK = "io.github.softdelete.agent.inner.ChainHook";
  private static final BiFunction<Object, Object, Object> UNCHANGED = new Unchanged();

  private final InnerClasses inner;
  private final Properties options;
  private final ClassValue<BiFunction<Object, Object, Object>> byChainType = new ClassValue<>() {
    @Override
    protected BiFunction<Object, Object, Object> computeValue(Class<?> chainType) {
      return hookFor(chainType);
    }
  };

  Hooks(InnerClasses inner, Properties options) {
    this.inner = inner;
    this.options = options;
  }

  @Override
  public Object apply(Object chain, Object target) {
    return byChainType.get(chain.getClass()).apply(chain, target);
  }

  @SuppressWarnings("unchecked")
  private BiFunction<Object, Object, Object> hookFor(Class<?> chainType) {
    ClassLoader mybatis = chainType.getClassLoader();
    try {
      Class<?> type = Class.forName(CHAIN_HOOK, true, inner.loaderBeside(mybatis));
      return (BiFunction<Object, Object, Object>) type.getConstructor(Properties.class).newInstance(options);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      AgentLog.line("cannot use the MyBatis of " + mybatis + " (" + cause + "); soft deletes are not active for it");
      return UNCHANGED;
    }
  }

  /** For a MyBatis the agent cannot use. A class, not a lambda: lambdas cost start-up time. */
  private static final class Unchanged implements BiFunction<Object, Object, Object> {
    @Override
    public Object apply(Object chain, Object target) {
      return target;
    }
  }
}
