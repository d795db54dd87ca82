package io.github.softdelete.mybatis.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The foreign keys that reference a table, as JDBC metadata reports them: the one reader for the schema doctor,
 * which reports them, and for {@code cascade=detect} / {@code restrict=detect}, which derive relations from them.
 * Names the database folded to upper case read in lower case, as written unquoted.
 */
public final class ForeignKeyReader {
  private ForeignKeyReader() {}

  /**
   * A table as the metadata stores it.
   *
   * @param catalog its catalog as the driver reports it, or {@code null}
   * @param schema its schema as the driver reports it, or {@code null}
   * @param name its name as stored
   */
  public record StoredTable(String catalog, String schema, String name) {}

  /**
   * A foreign key of {@code childTable} that references a table.
   *
   * @param name the constraint's name, or {@code null} when the driver reports none
   * @param childTable the referencing table's name, unfolded
   * @param childSchema the referencing table's schema (or, without schemas, its catalog) as reported, or
   *     {@code null}
   * @param deleteRule one of {@link DatabaseMetaData}'s {@code importedKey...} rules
   */
  public record ForeignKey(String name, String childTable, String childSchema, List<String> childColumns,
      List<String> parentColumns, int deleteRule) {

    /** The key's name, or {@code child(columns)} for a key without one, as messages name it. */
    public String subject() {
      return name != null ? name : childTable + "(" + String.join(", ", childColumns) + ")";
    }

    /** The rule as SQL writes it: {@code CASCADE}, {@code RESTRICT}, {@code SET NULL}, ... */
    public String ruleName() {
      return switch (deleteRule) {
        case DatabaseMetaData.importedKeyCascade -> "CASCADE";
        case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
        case DatabaseMetaData.importedKeySetNull -> "SET NULL";
        case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
        default -> "NO ACTION";
      };
    }
  }

  /**
   * The table {@code name} (lower case, as the soft tables hold it) in the connection's current catalog and
   * schema, else in any schema; empty when the metadata shows none. Matched case-insensitively, as soft tables
   * match; of several spellings, the one the database would fold an unquoted name to.
   */
  public static Optional<StoredTable> find(Connection connection, String name) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String catalog = connection.getCatalog();
    String schema = metaData.supportsSchemasInTableDefinitions() ? JdbcSchemas.currentSchema(connection) : null;
    StoredTable found = find(metaData, catalog, schema, name);
    if (found == null && schema != null) {
      found = find(metaData, catalog, null, name);
    }
    return Optional.ofNullable(found);
  }

  private static StoredTable find(DatabaseMetaData metaData, String catalog, String schema, String name)
      throws SQLException {
    try (ResultSet tables = metaData.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
      StoredTable folded = null;
      while (tables.next()) {
        String stored = tables.getString("TABLE_NAME");
        if (stored.equalsIgnoreCase(name)) {
          StoredTable found = new StoredTable(tables.getString("TABLE_CAT"), tables.getString("TABLE_SCHEM"), stored);
          if (stored.equals(name) || stored.equals(name.toUpperCase(Locale.ROOT))) {
            return found;
          }
          folded = folded == null ? found : folded;
        }
      }
      return folded;
    }
  }

  /** The foreign keys that reference {@code table}, each with its columns in key order. */
  public static List<ForeignKey> referencing(DatabaseMetaData metaData, StoredTable table) throws SQLException {
    Map<String, ForeignKey> keys = new LinkedHashMap<>();
    Map<String, TreeMap<Short, String[]>> columns = new LinkedHashMap<>();
    try (ResultSet rs = metaData.getExportedKeys(table.catalog(), table.schema(), table.name())) {
      while (rs.next()) {
        String child = rs.getString("FKTABLE_NAME");
        String schema = rs.getString("FKTABLE_SCHEM");
        String childSchema = schema != null ? schema : rs.getString("FKTABLE_CAT");
        String name = unfolded(rs.getString("FK_NAME"));
        String key = (name == null ? "" : name) + "@" + childSchema + "." + child;
        keys.putIfAbsent(key, new ForeignKey(name, unfolded(child), childSchema, null, null,
            rs.getInt("DELETE_RULE")));
        columns.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getShort("KEY_SEQ"),
            new String[] {unfolded(rs.getString("FKCOLUMN_NAME")), unfolded(rs.getString("PKCOLUMN_NAME"))});
      }
    }
    List<ForeignKey> foreignKeys = new ArrayList<>();
    keys.forEach((key, fk) -> {
      List<String> childColumns = new ArrayList<>();
      List<String> parentColumns = new ArrayList<>();
      for (String[] pair : columns.get(key).values()) {
        childColumns.add(pair[0]);
        parentColumns.add(pair[1]);
      }
      foreignKeys.add(new ForeignKey(fk.name(), fk.childTable(), fk.childSchema(), List.copyOf(childColumns),
          List.copyOf(parentColumns), fk.deleteRule()));
    });
    return foreignKeys;
  }

  /** A name the database folded to upper case (H2, Oracle) reads as the user wrote it, unquoted. */
  public static String unfolded(String name) {
    return name == null || !name.equals(name.toUpperCase(Locale.ROOT)) ? name : name.toLowerCase(Locale.ROOT);
  }
}
