package io.github.softdelete.agent;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar softdelete-agent.jar <command> ...}. Without a command: usage, and the JVMs it can attach to.
 * A command is one entry in {@link #COMMANDS}.
 */
public final class Main {
  private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("attach", new AttachCommand());
    COMMANDS.put("explain", new ExplainCommand());
    COMMANDS.put("check", new CheckCommand());
    COMMANDS.put("doctor", new DoctorCommand());
    COMMANDS.put("purge", new PurgeCommand());
  }

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Command command = args.length == 0 ? null : COMMANDS.get(args[0]);
    if (command == null) {
      if (args.length > 0) {
        err.println(AgentLog.PREFIX + "unknown command '" + args[0] + "'");
      }
      usage(out);
      AttachCommand.listJvms(out);
      return args.length == 0 ? 0 : 2;
    }
    return command.run(List.of(Arrays.copyOfRange(args, 1, args.length)), out, err);
  }

  private static void usage(PrintStream out) {
    out.println(AgentLog.version());
    out.println("usage:");
    out.println("  java -javaagent:softdelete-agent.jar[=options] -jar app.jar");
    for (Command command : COMMANDS.values()) {
      out.println("  java -jar softdelete-agent.jar " + command.usage());
    }
    out.println("options: key=value separated by commas, lists separated by colons, e.g.");
    out.println("  column=removed_at,tables=users:orders   or   config=/path/to/softdelete.properties");
  }

  /** One sub-command. */
  interface Command {
    /** The arguments after the command's name, e.g. {@code attach <pid> [options]}. */
    String usage();

    /** @return the process exit code */
    int run(List<String> args, PrintStream out, PrintStream err);
  }
}
