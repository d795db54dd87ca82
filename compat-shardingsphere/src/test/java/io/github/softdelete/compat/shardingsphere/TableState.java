package io.github.softdelete.compat.shardingsphere;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every logical table, read from the physical tables that hold it, with its marker reduced to
 * {@code live}, {@code fixture} (deleted by the test data) or {@code marked} (deleted since), so that two runs of
 * the same statement compare equal although their clocks differ.
 */
final class TableState {
  private TableState() {}

  /** The logical tables as the shards hold them; every database's copy of the broadcast table must agree. */
  static Map<String, List<String>> sharded(ShardedDatabases databases) throws SQLException {
    Map<String, List<String>> state = new TreeMap<>();
    List<List<String>> broadcastCopies = new ArrayList<>();
    for (int shard = 0; shard < Server.SHARDS; shard++) {
      try (Connection connection = databases.shard(shard)) {
        for (Map.Entry<String, String> table : Tables.actualTables(shard).entrySet()) {
          List<String> rows = rows(connection, table.getKey());
          if (table.getValue().equals("t_product")) {
            broadcastCopies.add(rows);
          }
          state.computeIfAbsent(table.getValue(), t -> new ArrayList<>()).addAll(rows);
        }
      }
    }
    assertThat(broadcastCopies.get(1)).as("the broadcast table's copy in ds_1").isEqualTo(broadcastCopies.get(0));
    state.put("t_product", broadcastCopies.get(0));
    state.replaceAll((table, rows) -> rows.stream().sorted().toList());
    return state;
  }

  static Map<String, List<String>> control(ShardedDatabases databases) throws SQLException {
    Map<String, List<String>> state = new TreeMap<>();
    try (Connection connection = databases.control.getConnection()) {
      for (String table : Tables.allLogical()) {
        state.put(table, rows(connection, table).stream().sorted().toList());
      }
    }
    return state;
  }

  private static List<String> rows(Connection connection, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    for (Map<String, Object> row : Rows.query(connection, "SELECT * FROM " + table)) {
      Map<String, Object> reduced = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      reduced.putAll(row);
      if (reduced.containsKey("deleted_at")) {
        reduced.put("deleted_at", marker(reduced.get("deleted_at")));
      }
      rows.add(Rows.row(reduced));
    }
    return rows;
  }

  private static String marker(Object value) {
    if (value == null) {
      return "live";
    }
    return value.toString().startsWith("2026-01-03 10:00:00") ? "fixture" : "marked";
  }
}
