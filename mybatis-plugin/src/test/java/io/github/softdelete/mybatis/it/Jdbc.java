package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC around one connection: run the engine's SQL, read rows back as text, and check after every
 * rewritten statement that no table lost a physical row (a soft delete only ever marks).
 */
final class Jdbc implements AutoCloseable {
  static final SqlRewriter ENGINE = engine("users", "orders");

  private final Connection connection;
  private final List<String> tables;

  Jdbc(Connection connection, List<String> tables) {
    this.connection = connection;
    this.tables = tables;
  }

  static SqlRewriter engine(String... softTables) {
    return new SqlRewriter(SoftTables.of(List.of(softTables)),
        SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP"));
  }

  static String rewritten(String sql) {
    return ENGINE.rewrite(sql, SoftDeleteMode.DEFAULT).sql();
  }

  Connection connection() {
    return connection;
  }

  void execute(String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Runs an update count statement and checks that every table keeps all its rows. */
  int update(String sql) throws SQLException {
    Map<String, Integer> before = physicalCounts();
    int count;
    try (Statement statement = connection.createStatement()) {
      count = statement.executeUpdate(sql);
    }
    assertThat(physicalCounts()).as("physical rows after %s", sql).isEqualTo(before);
    return count;
  }

  /** Runs a statement that returns rows (a SELECT, or DML with RETURNING), checking no table lost a row. */
  List<String> query(String sql) throws SQLException {
    Map<String, Integer> before = physicalCounts();
    List<String> rows = rows(sql);
    assertThat(physicalCounts()).as("physical rows after %s", sql).isEqualTo(before);
    return rows;
  }

  /** Each row as its columns joined by {@code |}, SQL NULL as {@code null}. */
  List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(result.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** Ids of the rows of a table that carry a deletion mark, in id order. */
  List<String> markedIds(String table) throws SQLException {
    return rows("SELECT id FROM " + table + " WHERE deleted_at IS NOT NULL ORDER BY id");
  }

  private Map<String, Integer> physicalCounts() throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    for (String table : tables) {
      counts.put(table, Integer.valueOf(rows("SELECT COUNT(*) FROM " + table).get(0)));
    }
    return counts;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
