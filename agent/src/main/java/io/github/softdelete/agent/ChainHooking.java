package io.github.softdelete.agent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves {@link ChainAdvice} into {@code org.apache.ibatis.plugin.InterceptorChain}, matched by name only so
 * that no other class is looked at closely. Classes already loaded (a dynamic attach) are retransformed; the
 * class format never changes, so this works on any JVM that allows retransformation.
 */
final class ChainHooking {
  static final String INTERCEPTOR_CHAIN = "org.apache.ibatis.plugin.InterceptorChain";
  private static final ElementMatcher.Junction<MethodDescription> PLUGIN_ALL =
      named("pluginAll").and(takesArguments(Object.class)).and(isPublic());
  // Byte Buddy's Nexus would inject a class into the application's class loader; the advice never needs it
  private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

  private ChainHooking() {}

  static void install(Instrumentation instrumentation, boolean attached) {
    System.setProperty(NEXUS_DISABLED, "true");
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(new ProblemListener())
        .type(named(INTERCEPTOR_CHAIN))
        .transform(ChainHooking::weave)
        .installOn(instrumentation);
    if (attached && !isLoaded(instrumentation)) {
      AgentLog.line("no MyBatis loaded in this JVM yet; it is hooked when it loads");
    }
  }

  private static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type,
      ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
    if (type.getDeclaredMethods().filter(PLUGIN_ALL).isEmpty()) {
      AgentLog.line(INTERCEPTOR_CHAIN + " in " + loader + " has no public pluginAll(Object): a MyBatis this "
          + "agent does not know; soft deletes are not active for it");
      return builder;
    }
    return builder.visit(Advice.to(ChainAdvice.class).on(PLUGIN_ALL));
  }

  private static boolean isLoaded(Instrumentation instrumentation) {
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (type.getName().equals(INTERCEPTOR_CHAIN)) {
        return true;
      }
    }
    return false;
  }

  /** Says when MyBatis's class could not be hooked; stays silent otherwise. */
  private static final class ProblemListener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
        Throwable throwable) {
      AgentLog.line("cannot hook " + typeName + " in " + loader + " (" + throwable
          + "); soft deletes are not active for it");
    }
  }
}
