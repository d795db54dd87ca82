package io.github.softdelete.mybatis.doctor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Read-only queries that match no row ({@code ... AND 1 = 0}), to let the database say whether it takes a
 * predicate. Inside the caller's transaction a failure is rolled back to a savepoint, since PostgreSQL aborts the
 * whole transaction on an error; the connection is left as it was.
 */
final class Probes {
  private final Connection connection;

  Probes(Connection connection) {
    this.connection = connection;
  }

  /**
   * The database's message when it refuses {@code sql} with the table's quoted name for {@code {table}}, or
   * {@code null} when it runs.
   */
  String refusal(TableFacts table, String sql) {
    Savepoint savepoint = null;
    try {
      String quote = connection.getMetaData().getIdentifierQuoteString();
      String q = quote == null || quote.isBlank() ? "\"" : quote.strip();
      String name = (table.schema() != null ? quoted(q, table.schema()) + "." : "") + quoted(q, table.name());
      if (!connection.getAutoCommit()) {
        savepoint = connection.setSavepoint();
      }
      try (Statement statement = connection.createStatement()) {
        statement.setMaxRows(1);
        statement.executeQuery(sql.replace("{table}", name)).close();
      }
      if (savepoint != null) {
        connection.releaseSavepoint(savepoint);
      }
      return null;
    } catch (SQLException e) {
      if (savepoint != null) {
        try {
          connection.rollback(savepoint);
        } catch (SQLException ignored) {
          // the refusal is what the caller asked for; the rollback failing leaves the transaction as the error did
        }
      }
      String message = e.getMessage() == null ? e.toString() : e.getMessage().strip().lines().findFirst().orElse("");
      return message;
    }
  }

  private static String quoted(String quote, String identifier) {
    return quote + identifier.replace(quote, quote + quote) + quote;
  }
}
