package io.github.softdelete.mybatis.purge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A database with a soft table {@code documents} and its archive, over plain JDBC: ids 1-3 live, 4-8 deleted
 * in 2020 (older than any retention the tests use), 9-10 deleted an hour ago.
 */
final class Documents {
  static final String OLD = "2020-01-01 00:00:00";

  private final String url;

  Documents(String url) {
    this.url = url;
  }

  String url() {
    return url;
  }

  Documents create(int oldDeleted) throws SQLException {
    execute(
        "CREATE TABLE documents (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL,"
            + " created_at TIMESTAMP NOT NULL, deleted_at TIMESTAMP NULL)",
        "CREATE TABLE documents_archive (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL,"
            + " created_at TIMESTAMP NOT NULL, deleted_at TIMESTAMP NULL, archived_at TIMESTAMP NOT NULL)",
        "INSERT INTO documents VALUES (1, 'doc 1', '2019-06-01 10:00:00', NULL),"
            + " (2, 'doc 2', '2019-06-01 10:00:00', NULL), (3, 'doc 3', '2019-06-01 10:00:00', NULL)");
    for (int i = 0; i < oldDeleted; i++) {
      long id = 4 + i;
      execute("INSERT INTO documents VALUES (" + id + ", 'doc " + id + "', '2019-06-01 10:00:00', TIMESTAMP '"
          + OLD + "' + " + i + " * INTERVAL '1' MINUTE)");
    }
    long recent = 4 + oldDeleted;
    execute("INSERT INTO documents VALUES (" + recent + ", 'doc " + recent + "', '2019-06-01 10:00:00',"
        + " LOCALTIMESTAMP - INTERVAL '1' HOUR), (" + (recent + 1) + ", 'doc " + (recent + 1)
        + "', '2019-06-01 10:00:00', LOCALTIMESTAMP - INTERVAL '1' HOUR)");
    return this;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }

  void execute(String... statements) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Each row as its columns joined by {@code |}. */
  List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  List<String> ids(String table) throws SQLException {
    return rows("SELECT id FROM " + table + " ORDER BY id");
  }
}
