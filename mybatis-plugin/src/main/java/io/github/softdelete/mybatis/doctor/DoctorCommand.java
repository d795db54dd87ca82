package io.github.softdelete.mybatis.doctor;

import io.github.softdelete.mybatis.SchemaDoctor;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The command line of {@link SchemaDoctor}:
 *
 * <pre>
 * doctor --url JDBC_URL [--user USER] [--password PASSWORD]
 * </pre>
 *
 * <p>with the configuration {@code options} give (the keys of {@link SoftDeleteConfig}, {@code -Dsoftdelete.*}
 * too; unset {@code tables}: detected, as the interceptor does). Without {@code --password}, the password is read
 * from the environment variable {@code SOFTDELETE_DOCTOR_PASSWORD} (empty if unset). Exit status: 0 no problem
 * (notes may be printed), 1 problems, or a database that cannot be read; 2 bad arguments.
 */
public final class DoctorCommand {
  static final String PASSWORD_VARIABLE = "SOFTDELETE_DOCTOR_PASSWORD";
  static final String USAGE = "usage: doctor --url JDBC_URL [--user USER] [--password PASSWORD] [options]\n"
      + "  options  the configuration keys, as the agent takes them: tables=users:orders,column=removed_at";
  private static final List<String> VALUED = List.of("--url", "--user", "--password");

  private DoctorCommand() {}

  /** Runs the doctor; returns the exit status. */
  public static int run(Properties options, String[] args, PrintStream out, PrintStream err) {
    Map<String, String> given;
    SoftDeleteConfig config;
    try {
      given = parse(args);
      config = SoftDeleteConfig.fromProperties(options);
    } catch (IllegalArgumentException | org.apache.ibatis.exceptions.PersistenceException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    // a password on the command line shows in the process list: the environment is the safer place
    String password = given.getOrDefault("--password", System.getenv().getOrDefault(PASSWORD_VARIABLE, ""));
    try (Connection connection = DriverManager.getConnection(given.get("--url"), given.getOrDefault("--user", ""),
        password)) {
      SchemaDoctor doctor = SchemaDoctor.examine(connection, config);
      out.print(doctor.text());
      return doctor.problems().isEmpty() ? 0 : 1;
    } catch (SQLException e) {
      err.println("softdelete doctor: cannot read the database: " + e.getMessage());
      return 1;
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!VALUED.contains(args[i])) {
        throw new IllegalArgumentException("softdelete doctor: unknown argument '" + args[i] + "'");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("softdelete doctor: option '" + args[i] + "' needs a value");
      }
      given.put(args[i], args[++i]);
    }
    if (!given.containsKey("--url")) {
      throw new IllegalArgumentException("softdelete doctor: --url is required");
    }
    return given;
  }
}
