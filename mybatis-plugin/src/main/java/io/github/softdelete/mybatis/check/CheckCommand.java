package io.github.softdelete.mybatis.check;

import io.github.softdelete.mybatis.SoftDeleteCheck;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.session.Configuration;

/**
 * The command line of the check, for a CI gate:
 *
 * <pre>
 * check [options] [--json] [--database PostgreSQL] [--database-id ID] [--classpath PATH] [--except ID,ID]
 *       &lt;mapper XML files or folders&gt;...
 * </pre>
 *
 * <p>Reads the mappers without the application ({@link MapperXml}) and checks every statement with the
 * configuration {@code options} give (the keys of {@link SoftDeleteConfig}, {@code -Dsoftdelete.*} too), without a
 * database, so {@code tables} must list the soft tables. Exit status: 0 nothing refused in the default mode
 * (but the statements {@code --except} names); 1 something refused, or a mapper that could not be read; 2 bad
 * arguments.
 */
public final class CheckCommand {
  static final String USAGE = String.join("\n",
      "usage: check [options] [--json] [--database NAME] [--database-id ID] [--classpath PATH] [--except ID,...]",
      "             <mapper XML files or folders>...",
      "  options        the configuration keys, as the agent takes them: tables=users:orders,column=removed_at",
      "  --json         the whole report as JSON: every statement, shape and mode, with the SQL that would run",
      "  --database     the database the statements run on (PostgreSQL, MariaDB, MySQL, H2), which decides how",
      "                 upserts are converted; unset: upserts are refused, as where softdelete cannot tell",
      "  --database-id  take the statements of this databaseId, as the application's databaseIdProvider would",
      "  --classpath    where the application's classes are (else the types the mappers name are stood in for)",
      "  --except       statements (full ids) that do not count as refused: those meant to run in a scope only");

  private CheckCommand() {}

  /** Runs the check; returns the exit status. */
  public static int run(Properties options, String[] args, PrintStream out, PrintStream err) {
    Arguments arguments;
    SoftDeleteConfig config;
    try {
      arguments = Arguments.parse(args);
      config = SoftDeleteConfig.fromProperties(options);
    } catch (IllegalArgumentException | org.apache.ibatis.exceptions.PersistenceException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    MapperXml.Loaded loaded;
    try {
      loaded = MapperXml.read(arguments.paths, arguments.databaseId, arguments.classes());
    } catch (IOException e) {
      err.println("softdelete: cannot read the mappers: " + e);
      return 1;
    }
    SoftDeleteCheck check;
    try {
      check = SoftDeleteCheck.offline(loaded.configuration(), config, arguments.database)
          .except(arguments.except.toArray(String[]::new));
    } catch (org.apache.ibatis.exceptions.PersistenceException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (arguments.json) {
      out.print(CheckJson.of(check, loaded));
    } else {
      out.println("read " + loaded.files().size() + (loaded.files().size() == 1 ? " mapper file" : " mapper files")
          + (loaded.stubbed().isEmpty() ? "" : " (stand-ins for " + loaded.stubbed().size()
              + " of the application's classes)"));
      out.print(check.table());
      if (!loaded.failures().isEmpty()) {
        out.println();
        out.println("could not be read:");
        for (String failure : loaded.failures()) {
          out.println("  " + failure);
        }
      }
    }
    return check.refused().isEmpty() && loaded.failures().isEmpty() ? 0 : 1;
  }

  /** What follows the options. */
  private static final class Arguments {
    final List<Path> paths = new ArrayList<>();
    final List<String> except = new ArrayList<>();
    final List<URL> classpath = new ArrayList<>();
    boolean json;
    String database;
    String databaseId;

    static Arguments parse(String[] args) {
      Arguments parsed = new Arguments();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--json" -> parsed.json = true;
          case "--database" -> parsed.database = value(args, ++i, arg);
          case "--database-id" -> parsed.databaseId = value(args, ++i, arg);
          case "--except" -> parsed.except.addAll(Arrays.stream(value(args, ++i, arg).split(","))
              .map(String::strip).filter(s -> !s.isEmpty()).toList());
          case "--classpath" -> {
            for (String entry : value(args, ++i, arg).split(File.pathSeparator)) {
              parsed.classpath.add(url(entry));
            }
          }
          default -> {
            if (arg.startsWith("--")) {
              throw new IllegalArgumentException("softdelete: unknown option '" + arg + "'");
            }
            parsed.paths.add(Path.of(arg));
          }
        }
      }
      if (parsed.paths.isEmpty()) {
        throw new IllegalArgumentException("softdelete: no mapper XML files or folders to check");
      }
      return parsed;
    }

    ClassLoader classes() {
      return classpath.isEmpty() ? null
          : new URLClassLoader(classpath.toArray(URL[]::new), Configuration.class.getClassLoader());
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length || args[i].startsWith("--")) {
        throw new IllegalArgumentException("softdelete: option '" + option + "' needs a value");
      }
      return args[i];
    }

    private static URL url(String entry) {
      try {
        return Path.of(entry).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("softdelete: --classpath entry '" + entry + "' is not a path");
      }
    }
  }
}
