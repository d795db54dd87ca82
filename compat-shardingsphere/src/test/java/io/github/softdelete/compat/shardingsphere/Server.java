package io.github.softdelete.compat.shardingsphere;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database server the sharded tables live on: two shard databases, a control database holding the same
 * tables unsharded, and a live view of each control soft table (the oracle of every query).
 */
enum Server {
  POSTGRESQL("org.postgresql.Driver", "jdbc:postgresql://127.0.0.1:5432/%s?connectTimeout=5", "postgres") {
    @Override
    void recreateDatabase(Statement admin, String database) throws SQLException {
      admin.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      admin.execute("CREATE DATABASE " + database);
    }

    @Override
    String liveViewsUrl() {
      return url(CONTROL) + "&currentSchema=live";
    }

    @Override
    void createLiveViews(Connection control) throws SQLException {
      try (Statement statement = control.createStatement()) {
        statement.execute("CREATE SCHEMA live");
        for (String table : Tables.SOFT) {
          statement.execute("CREATE VIEW live." + table + " AS SELECT * FROM public." + table
              + " WHERE deleted_at IS NULL");
        }
        for (String table : Tables.PLAIN) {
          statement.execute("CREATE VIEW live." + table + " AS SELECT * FROM public." + table);
        }
      }
    }
  },

  MARIADB("org.mariadb.jdbc.Driver", "jdbc:mariadb://127.0.0.1:3306/%s?connectTimeout=5000", "root") {
    @Override
    void recreateDatabase(Statement admin, String database) throws SQLException {
      admin.execute("DROP DATABASE IF EXISTS " + database);
      admin.execute("CREATE DATABASE " + database);
    }

    @Override
    String liveViewsUrl() {
      return url(LIVE);
    }

    @Override
    void createLiveViews(Connection control) throws SQLException {
      try (Statement statement = control.createStatement()) {
        recreateDatabase(statement, LIVE);
        for (String table : Tables.SOFT) {
          statement.execute("CREATE VIEW " + LIVE + "." + table + " AS SELECT * FROM " + CONTROL + "." + table
              + " WHERE deleted_at IS NULL");
        }
        for (String table : Tables.PLAIN) {
          statement.execute("CREATE VIEW " + LIVE + "." + table + " AS SELECT * FROM " + CONTROL + "." + table);
        }
      }
    }
  };

  static final String[] SHARDS = {"softdelete_ss_0", "softdelete_ss_1"};
  static final String CONTROL = "softdelete_ss_control";
  // MariaDB's live views live in a database of their own; PostgreSQL's in a schema of the control database
  static final String LIVE = "softdelete_ss_live";

  final String driver;
  private final String urlPattern;
  final String user;

  Server(String driver, String urlPattern, String user) {
    this.driver = driver;
    this.urlPattern = urlPattern;
    this.user = user;
  }

  abstract void recreateDatabase(Statement admin, String database) throws SQLException;

  /** Where the oracle runs: the control tables' names, each soft one a view of its live rows. */
  abstract String liveViewsUrl();

  abstract void createLiveViews(Connection control) throws SQLException;

  String url(String database) {
    return urlPattern.formatted(database);
  }

  /** A connection to the server's {@code test} database; skips or, with CI=true, fails when unreachable. */
  Connection admin() {
    return Servers.connect(url("test"), user);
  }

  Connection connect(String database) {
    return Servers.connect(url(database), user);
  }
}
