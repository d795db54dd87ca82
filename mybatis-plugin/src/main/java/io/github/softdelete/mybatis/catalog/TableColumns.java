package io.github.softdelete.mybatis.catalog;

import io.github.softdelete.mybatis.sql.JdbcSchemas;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The columns of each soft table that a revived row takes afresh: every column but the primary key (which
 * names the row being revived), generated and auto-increment columns (which cannot be assigned). An upsert that
 * meets a deleted row sets them to what a newly inserted row would hold, so the row comes back as if new. And
 * each table's primary key, by which a MERGE must match for the engine to know which row it revives.
 */
public final class TableColumns {
  /** Nothing known: a revive writes only the columns the statement names. */
  public static final TableColumns NONE = new TableColumns(Map.of(), Map.of());

  // table name (lower case, without schema) -> columns as the database reports them
  private final Map<String, List<String>> byTable;
  // table name (lower case, without schema) -> its primary key columns as the database reports them
  private final Map<String, List<String>> keys;

  private TableColumns(Map<String, List<String>> byTable, Map<String, List<String>> keys) {
    this.byTable = byTable;
    this.keys = keys;
  }

  /** For tests and tools: the given columns per table name, no primary key known. */
  public static TableColumns of(Map<String, List<String>> columnsByTable) {
    return of(columnsByTable, Map.of());
  }

  /** For tests and tools: the given columns and primary key columns per table name. */
  public static TableColumns of(Map<String, List<String>> columnsByTable, Map<String, List<String>> keysByTable) {
    return new TableColumns(lowerCaseKeys(columnsByTable), lowerCaseKeys(keysByTable));
  }

  private static Map<String, List<String>> lowerCaseKeys(Map<String, List<String>> byTable) {
    Map<String, List<String>> copy = new HashMap<>();
    byTable.forEach((table, columns) -> copy.put(table.toLowerCase(Locale.ROOT), List.copyOf(columns)));
    return Map.copyOf(copy);
  }

  /**
   * Reads the columns of every soft table from JDBC metadata, in the connection's current catalog and schema
   * (any schema, for a table not found there).
   */
  public static TableColumns read(Connection connection, SoftTables tables) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String catalog = connection.getCatalog();
    String schema = JdbcSchemas.currentSchema(connection);
    Map<String, List<String>> byTable = new HashMap<>();
    Map<String, List<String>> keys = new HashMap<>();
    for (String name : tables.names()) {
      String stored = SoftTableDetector.storedCase(metaData, name);
      Found found = columns(metaData, catalog, schema, stored);
      if (found == null && schema != null) {
        found = columns(metaData, catalog, null, stored);
      }
      if (found != null) {
        byTable.put(name, found.columns());
        keys.put(name, found.key());
      }
    }
    return new TableColumns(Map.copyOf(byTable), Map.copyOf(keys));
  }

  /** A table's columns to reset on revive, and its primary key columns in key order. */
  private record Found(List<String> columns, List<String> key) {}

  // null when the table is not there
  private static Found columns(DatabaseMetaData metaData, String catalog, String schema, String table)
      throws SQLException {
    Set<String> key = new HashSet<>();
    Map<Short, String> keyColumns = new TreeMap<>();
    String foundSchema = null;
    boolean found = false;
    List<String> columns = new ArrayList<>();
    // a LIKE pattern ('_' matches any character): every row is checked by name
    try (ResultSet rows = metaData.getColumns(catalog, schema, table, "%")) {
      while (rows.next()) {
        if (!table.equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
          continue;
        }
        String rowSchema = rows.getString("TABLE_SCHEM");
        if (found && foundSchema != null && !foundSchema.equals(rowSchema)) {
          // the same name in a second schema: the first one found stands for it
          continue;
        }
        found = true;
        foundSchema = rowSchema;
        boolean generated = "YES".equalsIgnoreCase(rows.getString("IS_AUTOINCREMENT"))
            || "YES".equalsIgnoreCase(rows.getString("IS_GENERATEDCOLUMN"));
        if (!generated) {
          columns.add(rows.getString("COLUMN_NAME"));
        }
      }
    }
    if (!found) {
      return null;
    }
    try (ResultSet rows = metaData.getPrimaryKeys(catalog, foundSchema, table)) {
      while (rows.next()) {
        key.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        keyColumns.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME"));
      }
    }
    columns.removeIf(column -> key.contains(column.toLowerCase(Locale.ROOT)));
    return new Found(List.copyOf(columns), List.copyOf(keyColumns.values()));
  }

  /** The columns a revive of {@code table} (unquoted name, any case) sets afresh; empty when not known. */
  public List<String> resetOnRevive(String table) {
    return byTable.getOrDefault(table.toLowerCase(Locale.ROOT), List.of());
  }

  /** The primary key columns of {@code table} (unquoted name, any case); empty when not known or it has none. */
  public List<String> primaryKey(String table) {
    return keys.getOrDefault(table.toLowerCase(Locale.ROOT), List.of());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableColumns other && byTable.equals(other.byTable) && keys.equals(other.keys);
  }

  @Override
  public int hashCode() {
    return byTable.hashCode() * 31 + keys.hashCode();
  }

  @Override
  public String toString() {
    return byTable + " keys " + keys;
  }
}
