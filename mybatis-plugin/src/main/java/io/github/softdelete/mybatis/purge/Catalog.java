package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.PurgeException;
import io.github.softdelete.mybatis.sql.JdbcSchemas;
import io.github.softdelete.mybatis.sql.SqlText;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Looks tables up in JDBC metadata, case-insensitively, in the connection's current schema (MySQL and
 * MariaDB: database) or the one a {@code schema.table} name gives. Every name written into SQL afterwards
 * comes from the metadata and is quoted, so no user input is ever spliced into a statement.
 */
final class Catalog {
  private final DatabaseMetaData metaData;
  private final String quote;
  private final boolean schemas;
  private final String currentCatalog;
  private final String currentSchema;
  private final boolean skipLocked;

  Catalog(Connection connection) throws SQLException {
    this.metaData = connection.getMetaData();
    String q = metaData.getIdentifierQuoteString();
    this.quote = q == null || q.isBlank() ? "\"" : q.strip();
    // MySQL and MariaDB call their databases catalogs and have no schemas
    this.schemas = metaData.supportsSchemasInTableDefinitions();
    this.currentCatalog = connection.getCatalog();
    this.currentSchema = schemas ? JdbcSchemas.currentSchema(connection) : null;
    this.skipLocked = "PostgreSQL".equalsIgnoreCase(metaData.getDatabaseProductName());
  }

  /**
   * Whether batches may skip the rows another purge has locked ({@code FOR UPDATE SKIP LOCKED}), so that purges
   * running at once work on different batches. PostgreSQL only: on MariaDB two such batches copying into one
   * archive take gap locks on its key and deadlock, so there a purge waits for the other's batch instead.
   */
  boolean skipsLockedRows() {
    return skipLocked;
  }

  /** The table {@code name} ({@code table} or {@code schema.table}), if it exists. */
  Optional<TableInfo> find(String name) throws SQLException {
    List<String> parts = SqlText.splitOutsideQuotes(name.strip(), ".");
    if (parts.size() > 2) {
      return Optional.empty();
    }
    String table = SqlText.unquoted(parts.get(parts.size() - 1));
    String qualifier = parts.size() == 2 ? SqlText.unquoted(parts.get(0)) : null;
    String catalog = qualifier != null && !schemas ? exactCatalog(qualifier) : currentCatalog;
    String schema = qualifier != null && schemas ? exactSchema(qualifier) : currentSchema;
    if (qualifier != null && (schemas ? schema : catalog) == null) {
      return Optional.empty();
    }
    Optional<String> stored = exactTable(catalog, schema, table);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    String sqlName = (qualifier == null ? "" : quoted(schemas ? schema : catalog) + ".") + quoted(stored.get());
    return Optional.of(new TableInfo(stored.get(), sqlName, columns(catalog, schema, stored.get()),
        primaryKey(catalog, schema, stored.get())));
  }

  String quoted(String identifier) {
    return quote + identifier.replace(quote, quote + quote) + quote;
  }

  private Optional<String> exactTable(String catalog, String schema, String table) throws SQLException {
    // the name is a LIKE pattern to the driver and stored folded one way or another: match it ourselves
    Map<String, String> byLowerCase = new TreeMap<>();
    try (ResultSet tables = metaData.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        if (sameOrUnreported(catalog, tables.getString("TABLE_CAT"))
            && sameOrUnreported(schema, tables.getString("TABLE_SCHEM"))) {
          String stored = tables.getString("TABLE_NAME");
          if (stored.equals(table)) {
            return Optional.of(stored);
          }
          byLowerCase.putIfAbsent(stored.toLowerCase(Locale.ROOT), stored);
        }
      }
    }
    return Optional.ofNullable(byLowerCase.get(table.toLowerCase(Locale.ROOT)));
  }

  private String exactSchema(String schema) throws SQLException {
    try (ResultSet rs = metaData.getSchemas()) {
      return matching(rs, "TABLE_SCHEM", schema);
    }
  }

  private String exactCatalog(String catalog) throws SQLException {
    try (ResultSet rs = metaData.getCatalogs()) {
      return matching(rs, "TABLE_CAT", catalog);
    }
  }

  private static String matching(ResultSet rs, String label, String wanted) throws SQLException {
    String folded = null;
    while (rs.next()) {
      String name = rs.getString(label);
      if (name.equals(wanted)) {
        return name;
      }
      if (name.equalsIgnoreCase(wanted)) {
        folded = name;
      }
    }
    return folded;
  }

  private List<TableInfo.Column> columns(String catalog, String schema, String table) throws SQLException {
    List<TableInfo.Column> columns = new ArrayList<>();
    try (ResultSet rs = metaData.getColumns(catalog, schema, JdbcSchemas.exactPattern(metaData, table), "%")) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equals(table)) {
          columns.add(new TableInfo.Column(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"),
              rs.getString("TYPE_NAME"), JdbcSchemas.isGenerated(rs)));
        }
      }
    }
    return columns;
  }

  private List<String> primaryKey(String catalog, String schema, String table) throws SQLException {
    Map<Short, String> bySequence = new TreeMap<>();
    try (ResultSet rs = metaData.getPrimaryKeys(catalog, schema, table)) {
      while (rs.next()) {
        bySequence.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return List.copyOf(bySequence.values());
  }

  private static boolean sameOrUnreported(String expected, String reported) {
    return expected == null || reported == null || expected.equalsIgnoreCase(reported);
  }

  /** @param where where it was looked for, for a purge of several databases ({@code ""} otherwise) */
  static PurgeException unknownTable(String name, String where) {
    return new PurgeException("softdelete purge: table '" + name + "' does not exist" + where);
  }
}
