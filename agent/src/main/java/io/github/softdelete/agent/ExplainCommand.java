package io.github.softdelete.agent;

import java.io.PrintStream;
import java.util.List;

/** {@code explain [options] "<sql>"}: what a statement becomes in each mode, without a database. */
final class ExplainCommand implements Main.Command {
  @Override
  public String usage() {
    return "explain [options] \"<sql>\"  show a statement as it would run in each mode (needs tables=...)";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.size() > 2) {
      err.println(AgentLog.PREFIX + "usage: java -jar softdelete-agent.jar explain [options] \"<sql>\"");
      return 2;
    }
    try {
      String options = args.size() == 2 ? args.get(0) : "";
      String sql = args.get(args.size() - 1);
      out.print(InnerClasses.fromAgentJar().explain(AgentOptions.parse(options), sql));
      return 0;
    } catch (AgentOptions.BadOptionException e) {
      err.println(AgentLog.PREFIX + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println(AgentLog.PREFIX + "cannot explain: " + e);
      return 1;
    }
  }
}
