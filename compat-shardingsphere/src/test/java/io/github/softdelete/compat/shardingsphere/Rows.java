package io.github.softdelete.compat.shardingsphere;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows as comparable text, whichever way they were read: column labels in lower case (PostgreSQL folds them,
 * MariaDB keeps them), numbers without trailing zeros (ShardingSphere's merged aggregates come back as
 * BigDecimal where one database gives a long).
 */
final class Rows {
  private Rows() {}

  static String row(Map<String, Object> columns) {
    Map<String, String> sorted = new TreeMap<>();
    columns.forEach((label, value) -> sorted.put(label.toLowerCase(Locale.ROOT), text(value)));
    return sorted.toString();
  }

  /** The rows in their order. */
  static List<String> ordered(List<Map<String, Object>> rows) {
    return rows.stream().map(Rows::row).toList();
  }

  /** The rows as a multiset: sorted, duplicates kept. */
  static List<String> multiset(List<Map<String, Object>> rows) {
    return rows.stream().map(Rows::row).sorted().toList();
  }

  static List<Map<String, Object>> query(Connection connection, String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        Map<String, Object> row = new TreeMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static String text(Object value) {
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }
}
