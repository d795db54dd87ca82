package io.github.softdelete.mybatis.it;

import io.github.softdelete.mybatis.catalog.MarkerDetectionSuite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Per-table markers detected on MariaDB: TINYINT, BOOLEAN (TINYINT(1), reported as BIT), CHAR(1), DATETIME. */
class MarkerDetectionMariaDbTest extends MarkerDetectionSuite {
  private static final String DATABASE = "pertable_detect";

  @Override
  protected Connection openEmptySchema() throws SQLException {
    try (Connection admin = Databases.mariaDb(); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    return DriverManager.getConnection(Databases.mariaDbUrl(DATABASE), "root", "");
  }

  @Override
  protected void dropSchema() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
  }

  @Override
  protected String timestampType() {
    return "DATETIME(6)";
  }

  @Override
  protected String integerType() {
    return "TINYINT";
  }

  @Override
  protected String booleanType() {
    return "BOOLEAN";
  }

  @Override
  protected String trueAsString() {
    return "1";
  }
}
