package io.github.softdelete.mybatis.differential;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads query results over plain JDBC into the shape MyBatis gives a {@code resultType="map"} row. */
final class Rows {
  private Rows() {}

  static List<Map<String, Object>> query(Connection connection, String sql, List<?> args) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        statement.setObject(i + 1, args.get(i));
      }
      try (ResultSet resultSet = statement.executeQuery()) {
        ResultSetMetaData meta = resultSet.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (resultSet.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int column = 1; column <= meta.getColumnCount(); column++) {
            String label = meta.getColumnLabel(column);
            // two columns with one label would collapse into one map entry and hide differences
            if (row.containsKey(label)) {
              throw new IllegalStateException("duplicate column label " + label + " in: " + sql);
            }
            row.put(label, resultSet.getObject(column));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  /** Rows as a multiset: each distinct row with how often it occurs. */
  static Map<Map<String, Object>, Integer> multiset(List<Map<String, Object>> rows) {
    Map<Map<String, Object>, Integer> counts = new HashMap<>();
    for (Map<String, Object> row : rows) {
      counts.merge(row, 1, Integer::sum);
    }
    return counts;
  }
}
