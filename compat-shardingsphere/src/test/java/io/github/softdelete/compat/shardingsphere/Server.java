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
    String liveViewsUrl(DatabaseNames names) {
      return url(names.control()) + "&currentSchema=live";
    }

    @Override
    String upsertSql() {
      return "INSERT INTO t_order (order_id, user_id, status, amount) VALUES (102, 1, 'AGAIN', 5.00)"
          + " ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status";
    }

    @Override
    void createLiveViews(Connection control, DatabaseNames names) throws SQLException {
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
    String liveViewsUrl(DatabaseNames names) {
      return url(names.live());
    }

    @Override
    String upsertSql() {
      return "INSERT INTO t_order (order_id, user_id, status, amount) VALUES (102, 1, 'AGAIN', 5.00)"
          + " ON DUPLICATE KEY UPDATE status = VALUES(status)";
    }

    @Override
    void createLiveViews(Connection control, DatabaseNames names) throws SQLException {
      String live = names.live();
      try (Statement statement = control.createStatement()) {
        recreateDatabase(statement, live);
        for (String table : Tables.SOFT) {
          statement.execute("CREATE VIEW " + live + "." + table + " AS SELECT * FROM " + names.control() + "." + table
              + " WHERE deleted_at IS NULL");
        }
        for (String table : Tables.PLAIN) {
          statement.execute("CREATE VIEW " + live + "." + table + " AS SELECT * FROM " + names.control() + "." + table);
        }
      }
    }
  };

  /** How many databases the logical tables are sharded over (ds_0, ds_1). */
  static final int SHARDS = 2;

  final String driver;
  private final String urlPattern;
  final String user;

  Server(String driver, String urlPattern, String user) {
    this.driver = driver;
    this.urlPattern = urlPattern;
    this.user = user;
  }

  abstract void recreateDatabase(Statement admin, String database) throws SQLException;

  void dropDatabase(Statement admin, String database) throws SQLException {
    admin.execute("DROP DATABASE IF EXISTS " + database + (this == POSTGRESQL ? " WITH (FORCE)" : ""));
  }

  /** Where the oracle runs: the control tables' names, each soft one a view of its live rows. */
  abstract String liveViewsUrl(DatabaseNames names);

  /** An upsert in the server's own syntax that meets the deleted order 102. */
  abstract String upsertSql();

  abstract void createLiveViews(Connection control, DatabaseNames names) throws SQLException;

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
