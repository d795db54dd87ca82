package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.Purge;
import io.github.softdelete.mybatis.PurgeException;
import io.github.softdelete.mybatis.PurgeReport;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.sql.SqlText;
import java.io.Console;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The command line of {@link Purge}:
 *
 * <pre>
 * purge --url jdbc:postgresql://db/shop --user app --password secret --tables documents,users
 *       --older-than 30d [--archive-suffix _archive] [--batch-size 500] [--dry-run]
 *       [--column deleted_at] [--live-value NULL] [--deleted-at-column deleted_at]
 *       [--table.orders.column is_deleted --table.orders.liveValue 0 --table.orders.deletedAtColumn deleted_on]
 * </pre>
 *
 * <p>Every configuration key is an option of its own name ({@code --column}, {@code --liveValue},
 * {@code --table.<name>.column}...), read by {@link SoftDeleteConfig} exactly as the plugin's properties and the
 * agent's options are ({@code --live-value} is {@code liveValue}; {@code --tables} is the list to purge and
 * {@code --cascade} the order to purge it in); system properties are not read. {@code --table.<name>.deletedAtColumn}
 * is the purge's own: that table's deletion time, for a table whose marker is a flag.
 *
 * <p>Without {@code --password}, the password is read from the environment variable
 * {@code SOFTDELETE_PURGE_PASSWORD} (empty if unset). Exit status: 0 done, 1 the purge failed (bad table or column, database error), 2 bad arguments.
 */
public final class PurgeCommand {
  static final String USAGE = String.join("\n",
      "usage: purge --url JDBC_URL [--user USER] [--password PASSWORD] --tables T1,T2 --older-than 30d",
      "             [--archive-suffix _archive] [--batch-size 500] [--dry-run]",
      "             [--column deleted_at] [--live-value NULL] [--deleted-at-column COLUMN]",
      "             [--cascade child.fk->parent.key,...|detect]   (children are then purged before their parents;"
          + " detect: by the database's foreign keys)",
      "             [--<configuration key> VALUE ...]   e.g. --table.orders.column is_deleted --table.orders.liveValue 0",
      "             [--table.<name>.deletedAtColumn COLUMN]   (the deletion time of a table whose marker is a flag)");
  private static final List<String> VALUED = List.of("--url", "--user", "--password", "--tables", "--older-than",
      "--archive-suffix", "--batch-size", "--column", "--live-value", "--deleted-at-column", "--cascade");
  // options that are configuration keys under another name, or that mean something else here
  private static final Map<String, String> KEY_OF_OPTION = Map.of("--column", "column", "--live-value", "liveValue");
  private static final List<String> NOT_KEYS = List.of("tables", "cascade");
  private static final String TABLE_PREFIX = "table.";
  private static final String DELETED_AT_ATTRIBUTE = ".deletedAtColumn";
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
        .dryRun(options.containsKey("--dry-run"))
        .config(config(options));
    if (options.containsKey("--batch-size")) {
      builder.batchSize(batchSize(options));
    }
    if (options.containsKey("--archive-suffix")) {
      builder.archiveSuffix(options.get("--archive-suffix"));
    }
    if (options.containsKey("--deleted-at-column")) {
      builder.deletedAtColumn(options.get("--deleted-at-column"));
    }
    options.forEach((name, value) -> {
      if (isTableDeletedAt(name)) {
        builder.deletedAtColumn(name.substring("--".length() + TABLE_PREFIX.length(),
            name.length() - DELETED_AT_ATTRIBUTE.length()), value);
      }
    });
    if (options.containsKey("--cascade")) {
      List<String> items = SqlText.splitOutsideQuotes(options.get("--cascade"), ",:");
      boolean detect = items.stream().anyMatch(item -> item.strip().equalsIgnoreCase("detect"));
      List<String> declared = items.stream().filter(item -> !item.strip().equalsIgnoreCase("detect")).toList();
      builder.orderByForeignKeys(detect);
      try {
        if (!detect || !declared.isEmpty()) {
          builder.cascades(Cascade.parseAll(String.join(",", declared)));
        }
      } catch (IllegalArgumentException e) {
        throw bad(options, "--cascade", e.getMessage());
      }
    }
    return builder;
  }

  /**
   * The configuration keys among the options, read as the plugin reads its properties: the marker (per table
   * too) the purge reads the rows by.
   */
  private static SoftDeleteConfig config(Map<String, String> options) {
    Properties keys = new Properties();
    options.forEach((name, value) -> {
      String key = keyOf(name);
      if (key != null) {
        keys.setProperty(key, value);
      }
    });
    try {
      return SoftDeleteConfig.fromPropertiesOnly(keys);
    } catch (RuntimeException e) {
      // a SoftDeleteException, or without MyBatis an IllegalArgumentException: the message names the key
      throw new UsageException(e.getMessage());
    }
  }

  /** The configuration key option {@code name} sets, or {@code null} when it is none. */
  private static String keyOf(String name) {
    if (KEY_OF_OPTION.containsKey(name)) {
      return KEY_OF_OPTION.get(name);
    }
    if (!name.startsWith("--") || VALUED.contains(name) || isTableDeletedAt(name)) {
      return null;
    }
    String key = name.substring(2);
    boolean configKey = SoftDeleteConfig.keys().contains(key) && !NOT_KEYS.contains(key);
    // a per-table key the configuration does not know is named by its own message
    return configKey || key.startsWith(TABLE_PREFIX) ? key : null;
  }

  private static boolean isTableDeletedAt(String name) {
    return name.startsWith("--" + TABLE_PREFIX) && name.endsWith(DELETED_AT_ATTRIBUTE)
        && name.length() > "--".length() + TABLE_PREFIX.length() + DELETED_AT_ATTRIBUTE.length();
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
      } else if (VALUED.contains(name) || keyOf(name) != null || isTableDeletedAt(name)) {
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
            + String.join(", ", VALUED) + ", " + String.join(", ", FLAGS) + ", and the configuration keys as"
            + " --<key> (--liveValue, --table.<name>.column, ...), with --table.<name>.deletedAtColumn");
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
