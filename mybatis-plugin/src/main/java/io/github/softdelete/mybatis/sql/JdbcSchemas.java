package io.github.softdelete.mybatis.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** The schema a connection resolves unqualified names in, as far as its driver can say. */
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
}
