package io.github.softdelete.demo;

import io.github.softdelete.demo.app.AppDatabase;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Entry point. Argument, or {@code -Ddemo.mode} (under {@code mvn exec:java}: {@code -Dexec.args} would reach
 * the agent module's build too): {@code plain}, {@code agent}, {@code interceptor}, {@code all}; none: plain,
 * then the agent, so that the contrast shows.
 */
public final class Demo {
  static final String PLAIN_CONFIG = "mybatis-config.xml";
  static final String INTERCEPTOR_CONFIG = "mybatis-config-softdelete.xml";

  private Demo() {}

  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : System.getProperty("demo.mode", "default");
    Printer out = new Printer(System.out);
    boolean agentRan = true;
    switch (mode) {
      case "plain" -> plain(out);
      case "agent" -> agentRan = agentOrExplain(out);
      case "interceptor" -> interceptor(out);
      case "default" -> {
        plain(out);
        agentRan = agentOrExplain(out);
      }
      case "all" -> {
        plain(out);
        agentRan = agentOrExplain(out);
        interceptor(out);
      }
      default -> {
        System.err.println("usage: Demo [plain|agent|interceptor|all] or -Ddemo.mode=...   (none: plain, then agent);"
            + " got '" + mode + "'");
        System.exit(2);
      }
    }
    // no System.exit on success: under mvn exec:java it would end Maven itself
    if (!agentRan) {
      System.exit(1);
    }
  }

  /** 1. The application as it ships. */
  static Outcome plain(Printer out) {
    out.title("1. As it is: plain MyBatis, " + PLAIN_CONFIG + " without plugins");
    return new PlainStory(open(PLAIN_CONFIG, out), out).run();
  }

  /** 2. The same application in a child JVM started with the agent; {@code false} when it could not run. */
  static boolean agentOrExplain(Printer out) {
    Optional<Path> jar = AgentRun.findAgentJar();
    if (jar.isEmpty()) {
      out.title("2. With the agent: not shown");
      out.note("no agent jar at " + AgentRun.searched() + "; build it with:");
      out.note("mvn -q -pl demo -am package -DskipTests   (or set -Ddemo.agentJar=<path>)");
      return false;
    }
    return new AgentRun(jar.get(), out).run(null) == 0;
  }

  /** 3. The same application with the interceptor registered in its MyBatis configuration. */
  static Facts interceptor(Printer out) {
    out.title("3. With the interceptor: " + INTERCEPTOR_CONFIG
        + " (" + PLAIN_CONFIG + " plus <plugin interceptor=\"...SoftDeleteInterceptor\">)");
    return new SoftDeleteStory(open(INTERCEPTOR_CONFIG, out), out).run();
  }

  /** A fresh database and MyBatis from {@code config}, with the demo's SQL display added. */
  static AppDatabase open(String config, Printer out) {
    AppDatabase database = AppDatabase.create(config);
    // added last, after the plugins of the configuration file; demo only, it shows the SQL
    database.sessions().getConfiguration().addInterceptor(new ShowSqlInterceptor(out));
    return database;
  }
}
