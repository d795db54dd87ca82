package io.github.softdelete.mybatis.differential;

import io.github.softdelete.mybatis.it.Databases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.junit.jupiter.api.AfterAll;

/** The differential check on a real MariaDB, in a database of its own that connections start in. */
class MariaDbDifferentialTest extends DifferentialSuite {
  private static final String DATABASE = "softdelete_differential";

  private final PooledDataSource dataSource =
      new PooledDataSource("org.mariadb.jdbc.Driver", Databases.mariaDbUrl(DATABASE), "root", "");

  @Override
  Dialect dialect() {
    return Dialect.MARIADB;
  }

  @Override
  Connection openEmptySchema() throws SQLException {
    Connection connection = Databases.mariaDb();
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
      statement.execute("CREATE DATABASE " + DATABASE);
      statement.execute("USE " + DATABASE);
    }
    return connection;
  }

  @Override
  void dropSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
  }

  @AfterAll
  void closePool() {
    dataSource.forceCloseAll();
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  List<String> expectedExclusions() {
    return List.of(
        "shouldFilterQuotedUpperCaseTableName",
        "shouldFilterUnquotedMixedCaseTableNames",
        "shouldFilterSchemaQualifiedTables",
        "shouldFilterQuotedSchemaQualifiedTable",
        "shouldNullExtendBothSidesOfFullJoinOverLiveRows",
        "shouldPickLatestLiveMatchingOrderPerUserWithDistinctOnIlikeAndCast",
        "shouldPickLargestLiveOrderPerLiveUserInLeftJoinLateral");
  }
}
