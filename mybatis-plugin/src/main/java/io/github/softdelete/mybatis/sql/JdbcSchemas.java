package io.github.softdelete.mybatis.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * What JDBC metadata says, read the same way everywhere: the schema a connection resolves unqualified names in,
 * and the parts of {@code getColumns} that drivers differ in.
 */
public final class JdbcSchemas {
  private JdbcSchemas() {}

  /** The connection's current schema, or {@code null} for a pre-JDBC 4.1 driver or one without schemas. */
  public static String currentSchema(Connection connection) throws SQLException {
    try {
      return connection.getSchema();
    } catch (AbstractMethodError | SQLFeatureNotSupportedException e) {
      return null;
    }
  }

  /** {@code name} as a metadata search pattern that matches it alone: its {@code _} and {@code %} escaped. */
  public static String exactPattern(DatabaseMetaData metaData, String name) throws SQLException {
    String escape = metaData.getSearchStringEscape();
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }

  /** Whether the column of a {@code getColumns} row is generated; {@code false} where the driver does not say. */
  public static boolean isGenerated(ResultSet column) {
    try {
      return "YES".equals(column.getString("IS_GENERATEDCOLUMN"));
    } catch (SQLException e) {
      // a driver older than JDBC 4.1 does not report it
      return false;
    }
  }
}
