package io.github.softdelete.mybatis.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SoftTableCatalogTest {
  private final List<Connection> opened = new ArrayList<>();

  private Connection open(String url) throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    opened.add(connection);
    return connection;
  }

  private static String newDatabase() {
    return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  @AfterEach
  void closeConnections() throws SQLException {
    for (Connection connection : opened) {
      if (!connection.isClosed()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SHUTDOWN");
        }
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static SoftTableCatalog catalog(String... keysAndValues) {
    Properties props = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      props.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new SoftTableCatalog(SoftDeleteConfig.fromProperties(props));
  }

  @Test
  void shouldDetectOncePerDatabaseAndKeepTheAnswer() throws SQLException {
    Connection connection = open(newDatabase());
    execute(connection, "CREATE TABLE users (id INT, deleted_at TIMESTAMP)");
    SoftTableCatalog catalog = catalog();

    SoftTables first = catalog.tablesFor(connection);
    execute(connection, "CREATE TABLE orders (id INT, deleted_at TIMESTAMP)");
    SoftTables second = catalog.tablesFor(connection);

    assertThat(second).isSameAs(first);
    assertThat(second.names()).containsExactly("users");
  }

  @Test
  void shouldShareTheAnswerBetweenConnectionsToTheSameDatabase() throws SQLException {
    String url = newDatabase();
    Connection one = open(url);
    execute(one, "CREATE TABLE users (id INT, deleted_at TIMESTAMP)");
    SoftTableCatalog catalog = catalog();

    SoftTables first = catalog.tablesFor(one);
    SoftTables second = catalog.tablesFor(open(url));

    assertThat(second).isSameAs(first);
  }

  @Test
  void shouldDetectEachDatabaseOnItsOwn() throws SQLException {
    Connection shop = open(newDatabase());
    Connection blog = open(newDatabase());
    execute(shop, "CREATE TABLE orders (id INT, deleted_at TIMESTAMP)");
    execute(blog, "CREATE TABLE posts (id INT, deleted_at TIMESTAMP)");
    SoftTableCatalog catalog = catalog();

    assertThat(catalog.tablesFor(shop).names()).containsExactly("orders");
    assertThat(catalog.tablesFor(blog).names()).containsExactly("posts");
  }

  @Test
  void shouldDetectEachSchemaOfADatabaseOnItsOwn() throws SQLException {
    Connection connection = open(newDatabase());
    execute(connection, "CREATE TABLE users (id INT, deleted_at TIMESTAMP)");
    execute(connection, "CREATE SCHEMA other");
    execute(connection, "CREATE TABLE other.orders (id INT, deleted_at TIMESTAMP)");
    SoftTableCatalog catalog = catalog();

    SoftTables inPublic = catalog.tablesFor(connection);
    execute(connection, "SET SCHEMA other");
    SoftTables inOther = catalog.tablesFor(connection);

    assertThat(inPublic.names()).containsExactly("users");
    assertThat(inOther.names()).containsExactly("orders");
  }

  @Test
  void shouldDetectTablesWithTheConfiguredColumn() throws SQLException {
    Connection connection = open(newDatabase());
    execute(connection, "CREATE TABLE users (id INT, deleted_at TIMESTAMP)");
    execute(connection, "CREATE TABLE orders (id INT, removed BOOLEAN)");

    SoftTables tables = catalog("column", "removed", "liveValue", "FALSE", "deletedValue", "TRUE")
        .tablesFor(connection);

    assertThat(tables.names()).containsExactly("orders");
  }

  @Test
  void shouldReturnConfiguredTablesWithoutTouchingTheConnection() throws SQLException {
    Connection closed = open(newDatabase());
    closed.close();
    SoftTableCatalog catalog = catalog("tables", "users:app.orders");

    SoftTables tables = catalog.tablesFor(closed);

    assertThat(tables.names()).containsExactlyInAnyOrder("users", "orders");
    assertThat(tables.isSoft("app", "orders")).isTrue();
    assertThat(tables.isSoft("other", "orders")).isFalse();
    assertThat(catalog.tablesFor(closed)).isSameAs(tables);
  }

  @Test
  void shouldReportAConnectionThatCannotBeAskedWithoutItsUrl() throws SQLException {
    Connection closed = open(newDatabase());
    closed.close();

    assertThatThrownBy(() -> catalog().tablesFor(closed))
        .isInstanceOf(SoftDeleteException.class)
        .hasCauseInstanceOf(SQLException.class)
        .hasMessageStartingWith("softdelete: could not detect the soft tables (tables with column 'deleted_at') "
            + "of database (URL unknown): ")
        .hasMessageEndingWith("; list them in property 'tables' to skip detection");
  }

  @Test
  void shouldNameTheDatabaseWhenDetectionFailsAndTryAgainNextTime() throws SQLException {
    String url = newDatabase();
    Connection real = open(url);
    execute(real, "CREATE TABLE users (id INT, deleted_at TIMESTAMP)");
    String reportedUrl = real.getMetaData().getURL();
    SoftTableCatalog catalog = catalog();

    // H2 does not fail on demand, so the failure is injected into its real metadata
    assertThatThrownBy(() -> catalog.tablesFor(failingColumnLookup(real)))
        .isInstanceOf(SoftDeleteException.class)
        .hasMessage("softdelete: could not detect the soft tables (tables with column 'deleted_at') of database '"
            + reportedUrl + "': lookup failed; list them in property 'tables' to skip detection");
    assertThat(catalog.tablesFor(real).names()).containsExactly("users");
  }

  @Test
  void shouldHideCredentialsOfTheUrlInMessages() {
    assertThat(SoftTableCatalog.redacted("jdbc:postgresql://db:5432/shop?user=app&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/shop?user=app&password=***&ssl=true");
    assertThat(SoftTableCatalog.redacted("jdbc:mariadb://app:s3cret@db/shop"))
        .isEqualTo("jdbc:mariadb://app:***@db/shop");
    assertThat(SoftTableCatalog.redacted("jdbc:h2:mem:x;USER=sa;PASSWORD=s3cret;DB_CLOSE_DELAY=-1"))
        .isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=***;DB_CLOSE_DELAY=-1");
  }

  /** The real connection, whose metadata throws when asked for columns. */
  private static Connection failingColumnLookup(Connection real) throws SQLException {
    DatabaseMetaData realMetaData = real.getMetaData();
    DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(
        SoftTableCatalogTest.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getColumns")) {
            throw new SQLException("lookup failed");
          }
          return invoke(method, realMetaData, args);
        });
    return (Connection) Proxy.newProxyInstance(
        SoftTableCatalogTest.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> method.getName().equals("getMetaData") ? metaData : invoke(method, real, args));
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
