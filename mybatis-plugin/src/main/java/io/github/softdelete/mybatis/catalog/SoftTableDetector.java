package io.github.softdelete.mybatis.catalog;

import io.github.softdelete.mybatis.sql.JdbcSchemas;
import io.github.softdelete.mybatis.sql.SqlText;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the soft tables of a database: every table or view of the connection's current catalog and schema
 * that has the marker column. On PostgreSQL every schema of the search path counts, since an unqualified
 * name may resolve to any of them.
 */
public final class SoftTableDetector {
  private SoftTableDetector() {}

  /**
   * @param connection an open connection; its current catalog and schema are searched (for MySQL and MariaDB
   *     the database is the catalog and the schema is {@code null})
   * @param column the marker column as configured, possibly quoted
   * @return the tables found, qualified with their schema (or, without one, their catalog)
   * @throws SQLException when the driver cannot answer
   */
  public static SoftTables detect(Connection connection, String column) throws SQLException {
    Set<String> tables = new LinkedHashSet<>();
    for (MarkerColumn found : markerColumns(connection, List.of(column))) {
      tables.add(found.table());
    }
    return SoftTables.of(tables);
  }

  /**
   * Every table or view that has one of {@code columns}, with the column's type: for each column in the
   * order given, the tables in search order.
   *
   * @param columns marker columns as configured, possibly quoted
   */
  public static List<MarkerColumn> markerColumns(Connection connection, List<String> columns) throws SQLException {
    String catalog = connection.getCatalog();
    DatabaseMetaData metaData = connection.getMetaData();
    List<String> schemas = searchedSchemas(connection, metaData);
    List<MarkerColumn> found = new ArrayList<>();
    for (String column : columns) {
      boolean quoted = SqlText.isQuoted(column);
      String name = SqlText.unquoted(column);
      // an unquoted name is stored folded; a quoted one exactly as written
      String pattern = quoted ? name : storedCase(metaData, name);
      for (String schema : schemas) {
        addTables(metaData, catalog, schema, column, name, pattern, found);
      }
    }
    return found;
  }

  /**
   * One table's column that may be its marker.
   *
   * @param table the table, qualified with its schema (or, without one, its catalog)
   * @param column the column as configured, possibly quoted
   * @param jdbcType its {@link java.sql.Types} type
   * @param typeName the database's name for the type
   */
  public record MarkerColumn(String table, String column, int jdbcType, String typeName) {
    /** The table's name without schema. */
    public String tableName() {
      return table.substring(table.lastIndexOf('.') + 1);
    }
  }

  /*
   * A table of a later search-path schema that the statement reaches unqualified would otherwise go
   * unfiltered, and its DELETEs would erase rows. Counting it soft can only make a statement fail (the
   * marker column is missing where an earlier schema shadows it), never leak.
   */
  private static List<String> searchedSchemas(Connection connection, DatabaseMetaData metaData)
      throws SQLException {
    if ("PostgreSQL".equals(metaData.getDatabaseProductName())) {
      List<String> schemas = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT unnest(current_schemas(false))")) {
        while (rows.next()) {
          schemas.add(rows.getString(1));
        }
      }
      if (!schemas.isEmpty()) {
        return schemas;
      }
    }
    return Collections.singletonList(JdbcSchemas.currentSchema(connection));
  }

  private static void addTables(DatabaseMetaData metaData, String catalog, String schema, String column,
      String name, String pattern, List<MarkerColumn> found) throws SQLException {
    // the pattern is a LIKE pattern ('_' matches any character), so every row is checked exactly
    try (ResultSet columns = metaData.getColumns(catalog, schema, "%", pattern)) {
      while (columns.next()) {
        String tableCatalog = columns.getString("TABLE_CAT");
        String tableSchema = columns.getString("TABLE_SCHEM");
        String table = columns.getString("TABLE_NAME");
        if (name.equalsIgnoreCase(columns.getString("COLUMN_NAME"))
            && sameOrUnreported(catalog, tableCatalog)
            && sameOrUnreported(schema, tableSchema)) {
          String qualifier = schema != null ? schema : catalog;
          found.add(new MarkerColumn(qualifier == null ? table : qualifier + "." + table, column,
              columns.getInt("DATA_TYPE"), columns.getString("TYPE_NAME")));
        }
      }
    }
  }

  static String storedCase(DatabaseMetaData metaData, String name) throws SQLException {
    if (metaData.storesUpperCaseIdentifiers()) {
      return name.toUpperCase(Locale.ROOT);
    }
    if (metaData.storesLowerCaseIdentifiers()) {
      return name.toLowerCase(Locale.ROOT);
    }
    return name;
  }

  // drivers may leave TABLE_CAT or TABLE_SCHEM empty; the pattern already narrowed the search then
  private static boolean sameOrUnreported(String expected, String reported) {
    return expected == null || reported == null || expected.equals(reported);
  }
}
