package io.github.softdelete.mybatis.it;

import io.github.softdelete.mybatis.catalog.MarkerDetectionSuite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Per-table markers detected on PostgreSQL: INTEGER, BOOLEAN (reported as BIT), CHAR(1), TIMESTAMP. */
class MarkerDetectionPostgresTest extends MarkerDetectionSuite {
  private static final String SCHEMA = "pertable_detect";

  @Override
  protected Connection openEmptySchema() throws SQLException {
    try (Connection admin = Databases.postgres(); Statement statement = admin.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
    }
    return DriverManager.getConnection(Databases.postgresUrl(SCHEMA), "postgres", "");
  }

  @Override
  protected void dropSchema() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  @Override
  protected String timestampType() {
    return "TIMESTAMP(6)";
  }

  @Override
  protected String integerType() {
    return "INTEGER";
  }

  @Override
  protected String booleanType() {
    return "BOOLEAN";
  }

  @Override
  protected String trueAsString() {
    return "t";
  }
}
