package io.github.softdelete.mybatis.doctor;

import io.github.softdelete.mybatis.sql.ForeignKeyReader;
import io.github.softdelete.mybatis.sql.JdbcSchemas;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One table as JDBC metadata describes it: its columns, indexes, primary key and the foreign keys that
 * reference it. Found in the connection's current catalog and schema, else in any schema. Names the database
 * folded to upper case read in lower case, as written unquoted; the table's own name stays as stored.
 *
 * @param name the table's name as stored
 * @param catalog its catalog as the driver reports it, or {@code null}
 * @param schema its schema as the driver reports it, or {@code null}
 */
record TableFacts(String name, String catalog, String schema, List<Column> columns, List<Index> indexes,
    List<String> primaryKey, List<ForeignKeyReader.ForeignKey> referencedBy) {

  /**
   * @param nullable {@code false} only when the driver says NOT NULL
   * @param generated computed by the database
   */
  record Column(String name, int jdbcType, String typeName, boolean nullable, boolean generated) {}

  /** @param filter the predicate of a partial index, or {@code null} */
  record Index(String name, boolean unique, List<String> columns, String filter) {
    boolean has(String column) {
      return columns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }
  }

  Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * The table {@code name} (lower case, as the soft tables hold it), or empty when the metadata shows none.
   */
  static Optional<TableFacts> read(Connection connection, String name) throws SQLException {
    Optional<ForeignKeyReader.StoredTable> found = ForeignKeyReader.find(connection, name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DatabaseMetaData metaData = connection.getMetaData();
    String cat = found.get().catalog();
    String sch = found.get().schema();
    String table = found.get().name();
    return Optional.of(new TableFacts(table, cat, sch, columns(metaData, cat, sch, table),
        indexes(metaData, cat, sch, table), primaryKey(metaData, cat, sch, table),
        ForeignKeyReader.referencing(metaData, found.get())));
  }

  private static List<Column> columns(DatabaseMetaData metaData, String catalog, String schema, String table)
      throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (ResultSet rs = metaData.getColumns(catalog, schema, JdbcSchemas.exactPattern(metaData, table), "%")) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equals(table)) {
          columns.add(new Column(unfolded(rs.getString("COLUMN_NAME")), rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
              rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, JdbcSchemas.isGenerated(rs)));
        }
      }
    }
    return columns;
  }

  private static List<Index> indexes(DatabaseMetaData metaData, String catalog, String schema, String table)
      throws SQLException {
    Map<String, TreeMap<Short, String>> columnsByIndex = new LinkedHashMap<>();
    Map<String, Boolean> unique = new LinkedHashMap<>();
    Map<String, String> filters = new LinkedHashMap<>();
    // approximate: no statistics are gathered for the answer
    try (ResultSet rs = metaData.getIndexInfo(catalog, schema, table, false, true)) {
      while (rs.next()) {
        String index = unfolded(rs.getString("INDEX_NAME"));
        String column = unfolded(rs.getString("COLUMN_NAME"));
        if (index == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
          continue;
        }
        columnsByIndex.computeIfAbsent(index, i -> new TreeMap<>())
            .put(rs.getShort("ORDINAL_POSITION"), column == null ? "(expression)" : column);
        unique.put(index, !rs.getBoolean("NON_UNIQUE"));
        String filter = rs.getString("FILTER_CONDITION");
        if (filter != null && !filter.isBlank()) {
          filters.put(index, filter);
        }
      }
    }
    List<Index> indexes = new ArrayList<>();
    columnsByIndex.forEach((index, columns) -> indexes.add(new Index(index, unique.get(index),
        List.copyOf(columns.values()), filters.get(index))));
    return indexes;
  }

  private static List<String> primaryKey(DatabaseMetaData metaData, String catalog, String schema, String table)
      throws SQLException {
    Map<Short, String> bySequence = new TreeMap<>();
    try (ResultSet rs = metaData.getPrimaryKeys(catalog, schema, table)) {
      while (rs.next()) {
        bySequence.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return List.copyOf(bySequence.values());
  }

  private static String unfolded(String name) {
    return ForeignKeyReader.unfolded(name);
  }

}
