package io.github.softdelete.agent;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code doctor --url ... [options]}: what the schema of the soft tables does that soft deletes change, from
 * JDBC metadata. The JDBC driver comes with {@code -cp}, as for {@code purge}.
 */
final class DoctorCommand implements Main.Command {
  @Override
  public String usage() {
    return "doctor --url JDBC_URL [--user USER] [options]  unique keys, foreign keys, indexes and marker values"
        + " that soft deletes change\n"
        + "      (with the JDBC driver: java -cp softdelete-agent.jar:driver.jar io.github.softdelete.agent.Main"
        + " doctor ...)";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    // --name value pairs for the doctor; the one argument that is neither is the agent-style options
    List<String> rest = new ArrayList<>();
    String options = "";
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith("--")) {
        rest.add(args.get(i));
        if (i + 1 < args.size()) {
          rest.add(args.get(++i));
        }
      } else if (options.isEmpty()) {
        options = args.get(i);
      } else {
        err.println(AgentLog.PREFIX + "doctor takes one options argument (key=value,key=value), not '"
            + args.get(i) + "'");
        return 2;
      }
    }
    try {
      Properties parsed = AgentOptions.parse(options);
      return InnerClasses.fromAgentJar().doctor(parsed, rest.toArray(String[]::new), out, err);
    } catch (AgentOptions.BadOptionException e) {
      err.println(AgentLog.PREFIX + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println(AgentLog.PREFIX + "cannot examine the schema: " + e.getMessage());
      return 1;
    }
  }
}
