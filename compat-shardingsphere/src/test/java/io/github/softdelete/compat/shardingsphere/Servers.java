package io.github.softdelete.compat.shardingsphere;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * Connections to the real servers. A server that cannot be reached skips the test, so that a laptop without
 * PostgreSQL or MariaDB still builds; on CI ({@code CI=true}) it fails instead, so that a broken service never
 * passes as a green, skipped build.
 */
final class Servers {
  private Servers() {}

  static Connection connect(String url, String user) {
    try {
      return DriverManager.getConnection(url, user, "");
    } catch (SQLException e) {
      String reason = "database server not reachable at " + url + " (" + e.getMessage() + ")";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(reason + "; CI=true, so this fails instead of skipping", e);
      }
      Assumptions.abort(reason + "; skipping (with CI=true this fails)");
      throw new IllegalStateException("unreachable: Assumptions.abort always throws");
    }
  }
}
