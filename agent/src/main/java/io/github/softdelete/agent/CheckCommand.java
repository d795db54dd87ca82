package io.github.softdelete.agent;

import java.io.PrintStream;
import java.util.List;
import java.util.Properties;

/**
 * {@code check [options] <mapper XML files or folders>}: every mapped statement of the mappers, in every mode,
 * without the application or a database; exit status 1 when one would be refused. The library's check, run from
 * the agent jar with a MyBatis of its own unless one is on the class path.
 */
final class CheckCommand implements Main.Command {
  @Override
  public String usage() {
    return "check [options] [--json] <mapper XML files or folders>  check every mapped statement, each mode"
        + " (needs tables=...; exit 1 when one is refused)";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    // the configuration keys come first, as explain takes them: the only argument that is key=value
    boolean hasOptions = !args.isEmpty() && args.get(0).contains("=") && !args.get(0).startsWith("-");
    try {
      Properties options = AgentOptions.parse(hasOptions ? args.get(0) : "");
      List<String> rest = hasOptions ? args.subList(1, args.size()) : args;
      return InnerClasses.fromAgentJar().check(options, rest.toArray(String[]::new), out, err);
    } catch (AgentOptions.BadOptionException e) {
      err.println(AgentLog.PREFIX + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println(AgentLog.PREFIX + "cannot check: " + e.getMessage());
      return 1;
    }
  }
}
