package io.github.softdelete.mybatis.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * Connections to the real database servers the dialect tests run on. A server that cannot be reached skips
 * the test, so that a laptop without PostgreSQL still builds; on CI ({@code CI=true}) it fails instead, so
 * that a broken service never passes as a green, skipped build.
 */
public final class Databases {
  public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5";
  public static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=5000";

  private Databases() {
  }

  public static Connection postgres() {
    return connect(POSTGRES_URL, "postgres", "", onCi());
  }

  public static Connection mariaDb() {
    return connect(MARIADB_URL, "root", "", onCi());
  }

  /** A URL whose connections start with {@code schema} first on the search path (the test's own schema). */
  public static String postgresUrl(String schema) {
    return POSTGRES_URL + "&currentSchema=" + schema;
  }

  /** A URL whose connections start in {@code database} (the test's own database). */
  public static String mariaDbUrl(String database) {
    return MARIADB_URL.replace("/test?", "/" + database + "?");
  }

  static boolean onCi() {
    return "true".equals(System.getenv("CI"));
  }

  static Connection connect(String url, String user, String password, boolean onCi) {
    try {
      return DriverManager.getConnection(url, user, password);
    } catch (SQLException e) {
      String reason = "database server not reachable at " + url + " (" + e.getMessage() + ")";
      if (onCi) {
        throw new AssertionError(reason + "; CI=true, so this fails instead of skipping", e);
      }
      Assumptions.abort(reason + "; skipping (with CI=true this fails)");
      throw new IllegalStateException("unreachable: Assumptions.abort always throws");
    }
  }
}
