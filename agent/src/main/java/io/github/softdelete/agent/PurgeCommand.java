package io.github.softdelete.agent;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code purge ...}: physically removes rows deleted longer ago than a retention, optionally archiving them;
 * the library's command line, run from the agent jar. The JDBC driver comes with {@code -cp}.
 */
final class PurgeCommand implements Main.Command {
  @Override
  public String usage() {
    return "purge --url JDBC_URL --tables T1,T2 --older-than 30d [--archive-suffix _archive] [--dry-run] ...\n"
        + "      (with the JDBC driver: java -cp softdelete-agent.jar:driver.jar io.github.softdelete.agent.Main"
        + " purge ...)";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    try {
      return InnerClasses.fromAgentJar().purge(args.toArray(String[]::new), out, err);
    } catch (Exception e) {
      err.println(AgentLog.PREFIX + "cannot purge: " + e.getMessage());
      return 1;
    }
  }
}
