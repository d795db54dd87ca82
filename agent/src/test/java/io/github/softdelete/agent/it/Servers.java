package io.github.softdelete.agent.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * Connections to the real database servers: a server that cannot be reached skips the test, except on CI
 * ({@code CI=true}), where it fails, so that a broken service never passes as a green, skipped build.
 */
final class Servers {
  private Servers() {}

  static Connection connect(String name, String url, String user) {
    try {
      return DriverManager.getConnection(url, user, "");
    } catch (SQLException e) {
      String reason = name + " not reachable at " + url + " (" + e.getMessage() + ")";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(reason + "; CI=true, so this fails instead of skipping", e);
      }
      Assumptions.abort(reason + "; skipping (with CI=true this fails)");
      throw new IllegalStateException("unreachable: Assumptions.abort always throws");
    }
  }
}
