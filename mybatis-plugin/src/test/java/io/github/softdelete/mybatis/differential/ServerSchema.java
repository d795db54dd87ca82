package io.github.softdelete.mybatis.differential;

import io.github.softdelete.mybatis.it.Databases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;

/**
 * A test class's own empty schema on one server (H2: an in-memory database, MariaDB: a database), under a name
 * no other class uses: made empty, removed afterwards, and reached by MyBatis through a pool of its own.
 */
final class ServerSchema {
  private final Dialect dialect;
  private final String name;
  private final PooledDataSource dataSource;

  private ServerSchema(Dialect dialect, String name, PooledDataSource dataSource) {
    this.dialect = dialect;
    this.name = name;
    this.dataSource = dataSource;
  }

  static ServerSchema h2(String name) {
    return new ServerSchema(Dialect.H2, name, new PooledDataSource("org.h2.Driver", h2Url(name), "sa", ""));
  }

  static ServerSchema postgres(String name) {
    return new ServerSchema(Dialect.POSTGRESQL, name,
        new PooledDataSource("org.postgresql.Driver", Databases.postgresUrl(name), "postgres", ""));
  }

  static ServerSchema mariaDb(String name) {
    return new ServerSchema(Dialect.MARIADB, name,
        new PooledDataSource("org.mariadb.jdbc.Driver", Databases.mariaDbUrl(name), "root", ""));
  }

  private static String h2Url(String name) {
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
  }

  Dialect dialect() {
    return dialect;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** Creates the schema empty (dropping what a broken earlier run left) and returns a connection working in it. */
  Connection openEmpty() throws SQLException {
    Connection connection = switch (dialect) {
      case H2 -> DriverManager.getConnection(h2Url(name), "sa", "");
      case POSTGRESQL -> Databases.postgres();
      case MARIADB -> Databases.mariaDb();
    };
    try (Statement statement = connection.createStatement()) {
      switch (dialect) {
        case H2 -> statement.execute("DROP ALL OBJECTS");
        case POSTGRESQL -> {
          statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
          statement.execute("CREATE SCHEMA " + name);
          statement.execute("SET search_path TO " + name);
        }
        case MARIADB -> {
          statement.execute("DROP DATABASE IF EXISTS " + name);
          statement.execute("CREATE DATABASE " + name);
          statement.execute("USE " + name);
        }
      }
    }
    return connection;
  }

  /** Removes the schema through the connection {@link #openEmpty()} returned, and closes the pool. */
  void drop(Connection connection) throws SQLException {
    dataSource.forceCloseAll();
    try (Statement statement = connection.createStatement()) {
      statement.execute(switch (dialect) {
        case H2 -> "DROP ALL OBJECTS";
        case POSTGRESQL -> "DROP SCHEMA IF EXISTS " + name + " CASCADE";
        case MARIADB -> "DROP DATABASE IF EXISTS " + name;
      });
    }
  }
}
