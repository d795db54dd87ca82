package io.github.softdelete.agent;

import java.lang.instrument.Instrumentation;
import java.util.Properties;

/**
 * The agent's entry point: {@code -javaagent:softdelete-agent.jar[=options]} at start-up, or
 * {@code java -jar softdelete-agent.jar attach <pid> [options]} into a running JVM.
 *
 * <p>It never takes the application down: a bad option or anything unexpected is one line on stderr, and the
 * application runs on without soft deletes.
 */
public final class SoftDeleteAgent {
  private static final Object LOCK = new Object();
  // guarded by LOCK; one activation per JVM, however many times the agent is attached
  private static boolean active;

  private SoftDeleteAgent() {}

  public static void premain(String options, Instrumentation instrumentation) {
    activate(options, instrumentation, false);
  }

  public static void agentmain(String options, Instrumentation instrumentation) {
    activate(options, instrumentation, true);
  }

  private static void activate(String options, Instrumentation instrumentation, boolean attached) {
    try {
      synchronized (LOCK) {
        if (active) {
          AgentLog.line("already active; nothing changed" + (options == null || options.isBlank()
              ? "" : " (options '" + options + "' ignored)"));
          return;
        }
        Properties properties = AgentOptions.parse(options);
        InnerClasses inner = InnerClasses.fromAgentJar();
        String effective = inner.validate(properties);
        Bridge.install(new Hooks(inner, properties));
        ChainTransformer.install(instrumentation, attached);
        active = true;
        System.err.println(AgentLog.version() + " active: " + effective);
      }
    } catch (AgentOptions.BadOptionException e) {
      AgentLog.line("not activated: " + e.getMessage());
    } catch (Throwable e) {
      AgentLog.line("not activated: " + e);
    }
  }
}
