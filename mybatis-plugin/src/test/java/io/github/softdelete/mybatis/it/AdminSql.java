package io.github.softdelete.mybatis.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC on a server suite's admin connection, behind MyBatis's back: set-up, and counts to assert on. */
final class AdminSql {
  private AdminSql() {}

  static void execute(Connection admin, String... statements) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  static long count(Connection admin, String sql) throws SQLException {
    try (Statement statement = admin.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
