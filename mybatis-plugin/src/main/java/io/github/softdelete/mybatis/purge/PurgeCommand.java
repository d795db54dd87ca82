package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.Purge;
import io.github.softdelete.mybatis.PurgeException;
import io.github.softdelete.mybatis.PurgeReport;
import java.io.Console;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command line of {@link Purge}:
 *
 * <pre>
 * purge --url jdbc:postgresql://db/shop --user app --password secret --tables documents,users
 *       --older-than 30d [--archive-suffix _archive] [--batch-size 500] [--dry-run]
 *       [--column deleted_at] [--live-value NULL] [--deleted-at-column deleted_at]
 * </pre>
 *
 * <p>Without {@code --password}, the password is read from the environment variable
 * {@code SOFTDELETE_PURGE_PASSWORD} (empty if unset). Exit status: 0 done, 1 the purge failed (bad table or column, database error), 2 bad arguments.
 */
public final class PurgeCommand {
  static final String USAGE = String.join("\n",
      "usage: purge --url JDBC_URL [--user USER] [--password PASSWORD] --tables T1,T2 --older-than 30d",
      "             [--archive-suffix _archive] [--batch-size 500] [--dry-run]",
      "             [--column deleted_at] [--live-value NULL] [--deleted-at-column COLUMN]",
      "             [--cascade child.fk->parent.key,...]   (children are then purged before their parents)");
  private static final List<String> VALUED = List.of("--url", "--user", "--password", "--tables", "--older-than",
      "--archive-suffix", "--batch-size", "--column", "--live-value", "--deleted-at-column", "--cascade");
  static final String PASSWORD_VARIABLE = "SOFTDELETE_PURGE_PASSWORD";
  private static final List<String> FLAGS = List.of("--dry-run");

  private PurgeCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, onTerminal()));
  }

  /** Whether output goes to a terminal (from Java 22, System.console() exists for pipes too: ask it). */
  static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      // before Java 22 a console exists only for a terminal
      return true;
    }
  }

  /** Runs the command; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    Purge purge;
    String url;
    Map<String, String> options;
    try {
      options = parse(args);
      url = required(options, "--url");
      purge = builder(options).listener(new ProgressDisplay(out, terminal)).build();
    } catch (UsageException | PurgeException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      // a password on the command line shows in the process list: the environment is the safer place
      String password = options.getOrDefault("--password", System.getenv().getOrDefault(PASSWORD_VARIABLE, ""));
      PurgeReport report = purge.run(url, options.getOrDefault("--user", ""), password);
      out.println(summary(report));
      return 0;
    } catch (PurgeException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private static Purge.Builder builder(Map<String, String> options) {
    Purge.Builder builder = Purge.builder()
        .tables(Arrays.stream(required(options, "--tables").split(",")).map(String::strip).toList())
        .olderThan(Retention.parse(required(options, "--older-than")).orElseThrow(() -> bad(options, "--older-than",
            "not a duration; use e.g. 30d, 12h, 90m, 45s or ISO-8601 such as P30D")))
        .dryRun(options.containsKey("--dry-run"));
    if (options.containsKey("--batch-size")) {
      builder.batchSize(batchSize(options));
    }
    if (options.containsKey("--archive-suffix")) {
      builder.archiveSuffix(options.get("--archive-suffix"));
    }
    if (options.containsKey("--column")) {
      builder.column(options.get("--column"));
    }
    if (options.containsKey("--live-value")) {
      builder.liveValue(options.get("--live-value"));
    }
    if (options.containsKey("--deleted-at-column")) {
      builder.deletedAtColumn(options.get("--deleted-at-column"));
    }
    if (options.containsKey("--cascade")) {
      try {
        builder.cascades(Cascade.parseAll(options.get("--cascade")));
      } catch (IllegalArgumentException e) {
        throw bad(options, "--cascade", e.getMessage());
      }
    }
    return builder;
  }

  private static int batchSize(Map<String, String> options) {
    try {
      int size = Integer.parseInt(options.get("--batch-size").strip());
      if (size >= 1) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(options, "--batch-size", "not a whole number of at least 1");
  }

  static String summary(PurgeReport report) {
    String tables = report.tables().stream().map(t -> describe(t, report.dryRun())).collect(Collectors.joining(", "));
    String cutoff = report.cutoff().truncatedTo(ChronoUnit.SECONDS).toString();
    if (report.dryRun()) {
      return "dry run: would purge " + report.total() + " rows deleted before " + cutoff + ": " + tables
          + "; nothing was changed";
    }
    return "purged " + report.total() + " rows deleted before " + cutoff + ": " + tables;
  }

  private static String describe(PurgeReport.Table table, boolean dryRun) {
    String batches = table.batches() + (table.batches() == 1 ? " batch" : " batches");
    String archive = table.archiveTable() == null ? ""
        : (dryRun ? "to archive in " : "archived in ") + table.archiveTable() + ", ";
    return table.table() + " " + table.rows() + " (" + archive + batches + ")";
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (FLAGS.contains(name) && name.equals(arg)) {
        options.put(name, "true");
      } else if (VALUED.contains(name)) {
        String value;
        if (!name.equals(arg)) {
          value = arg.substring(name.length() + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new UsageException("softdelete purge: option " + name + " needs a value");
        }
        options.put(name, value);
      } else {
        throw new UsageException("softdelete purge: unknown option '" + arg + "'; known options: "
            + String.join(", ", VALUED) + ", " + String.join(", ", FLAGS));
      }
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException("softdelete purge: option " + name + " is required");
    }
    return value;
  }

  private static UsageException bad(Map<String, String> options, String name, String reason) {
    return new UsageException("softdelete purge: option " + name + " has value '" + options.get(name) + "': " + reason);
  }

  /** Arguments the command cannot run with. */
  private static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
