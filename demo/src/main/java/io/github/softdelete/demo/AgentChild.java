package io.github.softdelete.demo;

import io.github.softdelete.demo.app.AppDatabase;
import java.nio.file.Path;

/**
 * The child JVM of the agent run: the application as it ships ({@code mybatis-config.xml}, no plugin),
 * started with {@code -javaagent:softdelete-agent.jar=...}. Argument: where to write the story's facts
 * (optional; the tests read them).
 */
public final class AgentChild {
  private AgentChild() {}

  public static void main(String[] args) {
    Printer out = new Printer(System.out);
    AppDatabase database = Demo.open(Demo.PLAIN_CONFIG, out);
    Facts facts = new SoftDeleteStory(database, out).run();
    if (args.length > 0) {
      facts.store(Path.of(args[0]));
    }
    System.out.flush();
  }
}
