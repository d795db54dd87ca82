package io.github.softdelete.agent;

/** The agent's few lines of output: on stderr, so that the application's stdout stays its own. */
final class AgentLog {
  static final String PREFIX = "softdelete-agent: ";

  private AgentLog() {}

  static void line(String message) {
    System.err.println(PREFIX + message);
  }

  /** {@code softdelete-agent 0.1.0}, from the jar's manifest. */
  static String version() {
    String version = SoftDeleteAgent.class.getPackage().getImplementationVersion();
    return "softdelete-agent " + (version == null ? "(unknown version)" : version);
  }
}
