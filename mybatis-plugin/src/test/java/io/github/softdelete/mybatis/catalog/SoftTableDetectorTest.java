package io.github.softdelete.mybatis.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SoftTableDetectorTest {
  private Connection connection;

  @BeforeEach
  void openDatabase() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    execute("SHUTDOWN");
    connection.close();
  }

  private void execute(String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  @Test
  void shouldFindExactlyTheTablesAndViewsThatHaveTheColumn() throws SQLException {
    execute(
        "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50), deleted_at TIMESTAMP)",
        "CREATE TABLE Customers (id INT, Deleted_At TIMESTAMP)",
        "CREATE TABLE \"OrderLines\" (id INT, DELETED_AT TIMESTAMP)",
        "CREATE TABLE \"invoices\" (id INT, deleted_at TIMESTAMP)",
        "CREATE TABLE users_archive (id INT, name VARCHAR(50))",
        "CREATE VIEW live_users AS SELECT id, name, deleted_at FROM users",
        "CREATE VIEW user_names AS SELECT id, name FROM users");

    SoftTables tables = SoftTableDetector.detect(connection, "deleted_at");

    assertThat(tables.names()).containsExactlyInAnyOrder("users", "customers", "orderlines", "invoices", "live_users");
  }

  @Test
  void shouldNotTakeTheUnderscoreOfTheColumnAsAWildcard() throws SQLException {
    // '_' in a metadata pattern matches any character: DELETEDXAT matches the pattern DELETED_AT
    execute(
        "CREATE TABLE users (id INT, deleted_at TIMESTAMP)",
        "CREATE TABLE audit (id INT, deletedXat INT)");

    SoftTables tables = SoftTableDetector.detect(connection, "deleted_at");

    assertThat(tables.names()).containsExactly("users");
  }

  @Test
  void shouldIgnoreTablesOfAnotherSchema() throws SQLException {
    execute(
        "CREATE TABLE users (id INT, deleted_at TIMESTAMP)",
        "CREATE TABLE orders (id INT)",
        "CREATE SCHEMA other",
        "CREATE TABLE other.orders (id INT, deleted_at TIMESTAMP)",
        "CREATE TABLE other.payments (id INT, deleted_at TIMESTAMP)");

    SoftTables tables = SoftTableDetector.detect(connection, "deleted_at");

    assertThat(tables.names()).containsExactly("users");
    assertThat(tables.isSoft(null, "orders")).isFalse();
    assertThat(tables.isSoft("other", "orders")).isFalse();
  }

  @Test
  void shouldSearchTheCurrentSchemaOnlyEvenWhenItsNameHasAnUnderscore() throws SQLException {
    execute(
        "CREATE SCHEMA my_app",
        "CREATE SCHEMA myXapp",
        "CREATE TABLE my_app.users (id INT, deleted_at TIMESTAMP)",
        "CREATE TABLE myXapp.orders (id INT, deleted_at TIMESTAMP)",
        "CREATE TABLE public.invoices (id INT, deleted_at TIMESTAMP)",
        "SET SCHEMA my_app");

    SoftTables tables = SoftTableDetector.detect(connection, "deleted_at");

    assertThat(tables.names()).containsExactly("users");
  }

  @Test
  void shouldQualifyDetectedTablesWithTheirSchema() throws SQLException {
    execute("CREATE TABLE users (id INT, deleted_at TIMESTAMP)");

    SoftTables tables = SoftTableDetector.detect(connection, "deleted_at");

    assertThat(tables.isSoft(null, "users")).isTrue();
    assertThat(tables.isSoft("PUBLIC", "USERS")).isTrue();
    assertThat(tables.isSoft("other", "users")).isFalse();
  }

  @Test
  void shouldFindAConfiguredColumnNameInAnyCase() throws SQLException {
    execute("CREATE TABLE users (id INT, removed_on TIMESTAMP)");

    SoftTables tables = SoftTableDetector.detect(connection, "Removed_On");

    assertThat(tables.names()).containsExactly("users");
  }

  @Test
  void shouldMatchAQuotedColumnAsWrittenWithoutItsQuotes() throws SQLException {
    // unquoted deleted_at means DELETED_AT in H2, so only the quoted lower-case column is "deleted_at"
    execute(
        "CREATE TABLE users (id INT, deleted_at TIMESTAMP)",
        "CREATE TABLE notes (id INT, \"deleted_at\" TIMESTAMP)");

    assertThat(SoftTableDetector.detect(connection, "\"deleted_at\"").names()).containsExactly("notes");
    assertThat(SoftTableDetector.detect(connection, "`deleted_at`").names()).containsExactly("notes");
    assertThat(SoftTableDetector.detect(connection, "deleted_at").names()).containsExactly("users");
  }

  @Test
  void shouldFindNothingInADatabaseWithoutTheColumn() throws SQLException {
    execute("CREATE TABLE users (id INT, name VARCHAR(50))");

    assertThat(SoftTableDetector.detect(connection, "deleted_at").isEmpty()).isTrue();
  }
}
