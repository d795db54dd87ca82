package io.github.softdelete.mybatis.differential;

import io.github.softdelete.mybatis.it.Databases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.junit.jupiter.api.AfterAll;

/** The differential check on a real PostgreSQL, in a schema of its own that connections find first. */
class PostgresDifferentialTest extends DifferentialSuite {
  private static final String SCHEMA = "softdelete_differential";

  private final PooledDataSource dataSource =
      new PooledDataSource("org.postgresql.Driver", Databases.postgresUrl(SCHEMA), "postgres", "");

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Override
  Connection openEmptySchema() throws SQLException {
    Connection connection = Databases.postgres();
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
      statement.execute("SET search_path TO " + SCHEMA);
    }
    return connection;
  }

  @Override
  void dropSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
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
        "shouldFilterSchemaQualifiedTables",
        "shouldFilterQuotedSchemaQualifiedTable",
        "shouldFilterBacktickQuotedTablesInJoin",
        "shouldFilterBothSidesOfStraightJoin");
  }
}
