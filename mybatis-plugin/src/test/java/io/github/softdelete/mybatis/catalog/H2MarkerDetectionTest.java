package io.github.softdelete.mybatis.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

class H2MarkerDetectionTest extends MarkerDetectionSuite {
  @Override
  protected Connection openEmptySchema() throws SQLException {
    return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @Override
  protected void dropSchema() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }

  @Override
  protected String timestampType() {
    return "TIMESTAMP";
  }

  @Override
  protected String integerType() {
    return "INT";
  }

  @Override
  protected String booleanType() {
    return "BOOLEAN";
  }

  @Override
  protected String trueAsString() {
    return "TRUE";
  }
}
