package io.github.softdelete.compat.shardingsphere;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The logical tables, where ShardingSphere keeps each one, and the data. Deleted rows sit in every shard and on
 * both sides of every join: deleted orders of live users, live orders of deleted users, live items of deleted
 * orders, items of deleted products.
 */
final class Tables {
  private Tables() {}

  /** The soft tables (they have {@code deleted_at}), by logical name. */
  static final String[] SOFT = {"t_user", "t_order", "t_order_item", "t_product"};
  /** Tables without the marker column. */
  static final String[] PLAIN = {"t_note"};

  private static final Map<String, String> COLUMNS = Map.of(
      "t_user", "user_id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, deleted_at TIMESTAMP NULL",
      "t_order", "order_id INT PRIMARY KEY, user_id INT NOT NULL, status VARCHAR(12) NOT NULL,"
          + " amount DECIMAL(10, 2) NOT NULL, deleted_at TIMESTAMP NULL",
      "t_order_item", "item_id INT PRIMARY KEY, order_id INT NOT NULL, user_id INT NOT NULL,"
          + " sku VARCHAR(4) NOT NULL, qty INT NOT NULL, deleted_at TIMESTAMP NULL",
      "t_product", "sku VARCHAR(4) PRIMARY KEY, title VARCHAR(20) NOT NULL, deleted_at TIMESTAMP NULL",
      "t_note", "note_id INT PRIMARY KEY, body VARCHAR(40) NOT NULL");

  private static final String DELETED = "TIMESTAMP '2026-01-03 10:00:00'";

  /** Every row, as the application inserts it into the logical tables. */
  static final List<String> INSERTS = List.of(
      "INSERT INTO t_user (user_id, name, deleted_at) VALUES (1, 'Alice', NULL)",
      "INSERT INTO t_user (user_id, name, deleted_at) VALUES (2, 'Bob', NULL)",
      "INSERT INTO t_user (user_id, name, deleted_at) VALUES (3, 'Carol', " + DELETED + ")",
      "INSERT INTO t_user (user_id, name, deleted_at) VALUES (4, 'Dave', NULL)",
      "INSERT INTO t_user (user_id, name, deleted_at) VALUES (5, 'Erin', " + DELETED + ")",
      "INSERT INTO t_user (user_id, name, deleted_at) VALUES (6, 'Frank', NULL)",
      order(101, 1, "PAID", "100.00", false),
      order(102, 1, "NEW", "50.00", true),
      order(103, 2, "PAID", "75.00", false),
      order(104, 2, "NEW", "500.00", true),
      order(105, 3, "PAID", "200.00", false),
      order(106, 3, "CANCELLED", "20.00", true),
      order(107, 4, "NEW", "120.00", false),
      order(108, 4, "PAID", "80.00", false),
      order(109, 5, "CANCELLED", "60.00", true),
      order(110, 6, "PAID", "300.00", true),
      order(111, 1, "CANCELLED", "10.00", false),
      order(112, 2, "CANCELLED", "15.00", false),
      item(1001, 101, 1, "A", 1, false),
      item(1002, 101, 1, "B", 2, true),
      item(1003, 102, 1, "A", 1, false),
      item(1004, 103, 2, "C", 3, false),
      item(1005, 104, 2, "A", 1, true),
      item(1006, 105, 3, "B", 1, false),
      item(1007, 107, 4, "C", 2, false),
      item(1008, 107, 4, "D", 1, true),
      item(1009, 108, 4, "A", 5, false),
      item(1010, 110, 6, "B", 1, true),
      item(1011, 111, 1, "D", 1, false),
      item(1012, 112, 2, "A", 2, false),
      item(1013, 112, 2, "B", 1, false),
      "INSERT INTO t_product (sku, title, deleted_at) VALUES ('A', 'Apple', NULL)",
      "INSERT INTO t_product (sku, title, deleted_at) VALUES ('B', 'Book', NULL)",
      "INSERT INTO t_product (sku, title, deleted_at) VALUES ('C', 'Cup', " + DELETED + ")",
      "INSERT INTO t_product (sku, title, deleted_at) VALUES ('D', 'Desk', NULL)",
      "INSERT INTO t_product (sku, title, deleted_at) VALUES ('E', 'Eraser', " + DELETED + ")",
      "INSERT INTO t_note (note_id, body) VALUES (1, 'delete from t_order is a string here')",
      "INSERT INTO t_note (note_id, body) VALUES (2, 'second note')");

  private static String order(int orderId, int userId, String status, String amount, boolean deleted) {
    return "INSERT INTO t_order (order_id, user_id, status, amount, deleted_at) VALUES (" + orderId + ", " + userId
        + ", '" + status + "', " + amount + ", " + (deleted ? DELETED : "NULL") + ")";
  }

  private static String item(int itemId, int orderId, int userId, String sku, int qty, boolean deleted) {
    return "INSERT INTO t_order_item (item_id, order_id, user_id, sku, qty, deleted_at) VALUES (" + itemId + ", "
        + orderId + ", " + userId + ", '" + sku + "', " + qty + ", " + (deleted ? DELETED : "NULL") + ")";
  }

  /** The actual tables of shard database {@code shard} (0 or 1), each with the logical table it belongs to. */
  static Map<String, String> actualTables(int shard) {
    Map<String, String> tables = new LinkedHashMap<>();
    for (String sharded : List.of("t_order", "t_order_item")) {
      tables.put(sharded + "_0", sharded);
      tables.put(sharded + "_1", sharded);
    }
    tables.put("t_product", "t_product");
    tables.put(shard == 0 ? "t_user" : "t_note", shard == 0 ? "t_user" : "t_note");
    return tables;
  }

  /** Where ShardingSphere puts a row of a sharded table: database by user id, table by order id. */
  static String actualTable(String logical, int userId, int orderId) {
    return "ds_" + userId % 2 + "." + logical + "_" + orderId % 2;
  }

  static void createActualTables(Connection shard, int index) throws SQLException {
    try (Statement statement = shard.createStatement()) {
      for (Map.Entry<String, String> table : actualTables(index).entrySet()) {
        statement.execute("CREATE TABLE " + table.getKey() + " (" + COLUMNS.get(table.getValue()) + ")");
      }
    }
  }

  static void createLogicalTables(Connection control) throws SQLException {
    try (Statement statement = control.createStatement()) {
      for (String table : allLogical()) {
        statement.execute("CREATE TABLE " + table + " (" + COLUMNS.get(table) + ")");
      }
    }
  }

  static List<String> allLogical() {
    List<String> all = new ArrayList<>(List.of(SOFT));
    all.addAll(List.of(PLAIN));
    return all;
  }
}
