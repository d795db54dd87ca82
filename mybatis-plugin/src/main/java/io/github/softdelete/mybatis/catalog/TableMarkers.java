package io.github.softdelete.mybatis.catalog;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.TableMarker;
import io.github.softdelete.mybatis.catalog.SoftTableDetector.MarkerColumn;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each soft table's marker, from the configuration's settings and, where they leave it open, the marker
 * column JDBC metadata finds for the table and its type.
 */
final class TableMarkers {
  private static final String NULL = "NULL";
  private static final String CURRENT_TIMESTAMP = "CURRENT_TIMESTAMP";

  private final SoftDeleteConfig config;

  TableMarkers(SoftDeleteConfig config) {
    this.config = config;
  }

  /** Every column any table may have as its marker, in order, for one metadata search. */
  List<String> candidateColumns() {
    List<String> columns = new ArrayList<>(config.columns());
    for (TableMarker own : config.tableMarkers()) {
      for (String column : own.columns()) {
        if (columns.stream().noneMatch(c -> c.equalsIgnoreCase(column))) {
          columns.add(column);
        }
      }
    }
    return columns;
  }

  /** The configured tables, without metadata: a value set nowhere is NULL / CURRENT_TIMESTAMP. */
  SoftTables withoutMetadata() {
    Map<String, SoftDeleteMarker> markers = new LinkedHashMap<>();
    for (String table : config.tables()) {
      TableMarker settings = settingsOf(table);
      markers.put(table, marker(table, settings, settings.columns().get(0), orElse(settings.liveValue(), NULL),
          orElse(settings.deletedValue(), CURRENT_TIMESTAMP)));
    }
    return SoftTables.withMarkers(markers);
  }

  /**
   * The soft tables of one database: the configured ones (or, when detecting, every table that has one of
   * the global candidates, and those named in per-table keys), each with the first of its candidates it has.
   *
   * @param found what metadata found for {@link #candidateColumns()}
   * @throws SoftDeleteException for a configured table without any of its candidates (when the marker
   *     cannot be known without them), a value that the column's type cannot decide, or a cascade through a
   *     flag
   */
  SoftTables fromMetadata(List<MarkerColumn> found) {
    Map<String, List<MarkerColumn>> byTable = new LinkedHashMap<>();
    for (MarkerColumn column : found) {
      byTable.computeIfAbsent(column.table().toLowerCase(Locale.ROOT), t -> new ArrayList<>()).add(column);
    }
    Map<String, SoftDeleteMarker> markers = new LinkedHashMap<>();
    List<String> named = config.detectTables()
        ? config.tableMarkers().stream().map(TableMarker::table).toList() : config.tables();
    for (String table : named) {
      markers.put(table, configuredMarker(table, byTable));
    }
    if (config.detectTables()) {
      for (List<MarkerColumn> columns : byTable.values()) {
        String table = columns.get(0).table();
        if (config.tableMarkers().stream().noneMatch(own -> names(own.table(), table))) {
          TableMarker settings = settingsOf(table);
          MarkerColumn marker = firstCandidate(settings, columns);
          if (marker != null) {
            markers.put(table, typedMarker(unfolded(columns.get(0).tableName()), settings, marker));
          }
        }
      }
    }
    SoftTables tables = SoftTables.withMarkers(markers);
    checkCascades(tables);
    return tables;
  }

  private SoftDeleteMarker configuredMarker(String table, Map<String, List<MarkerColumn>> byTable) {
    TableMarker settings = settingsOf(table);
    for (List<MarkerColumn> columns : byTable.values()) {
      if (names(table, columns.get(0).table())) {
        MarkerColumn marker = firstCandidate(settings, columns);
        if (marker != null) {
          return typedMarker(table, settings, marker);
        }
      }
    }
    // not found (another schema, or a view the driver does not list): only a fully configured marker serves
    if (settings.columns().size() == 1 && settings.liveValue() != null && settings.deletedValue() != null) {
      return marker(table, settings, settings.columns().get(0), settings.liveValue(), settings.deletedValue());
    }
    throw new SoftDeleteException("softdelete: table '" + table + "' has no marker column "
        + (settings.columns().size() == 1 ? "'" + settings.columns().get(0) + "'"
            : "among " + String.join(", ", settings.columns()))
        + " that the database's metadata shows, so its marker values cannot follow the column's type; add the"
        + " column, or set table." + table + ".column to the one column and table." + table + ".liveValue and"
        + " table." + table + ".deletedValue");
  }

  private static MarkerColumn firstCandidate(TableMarker settings, List<MarkerColumn> columns) {
    for (String candidate : settings.columns()) {
      for (MarkerColumn column : columns) {
        if (column.column().equalsIgnoreCase(candidate)) {
          return column;
        }
      }
    }
    return null;
  }

  private SoftDeleteMarker typedMarker(String table, TableMarker settings, MarkerColumn column) {
    String live = settings.liveValue();
    String deleted = settings.deletedValue();
    if (live == null || deleted == null) {
      String[] byType = valuesOf(table, column);
      live = orElse(live, byType[0]);
      deleted = orElse(deleted, byType[1]);
    }
    return marker(table, settings, column.column(), live, deleted);
  }

  /** The live and deleted values a column of this type gets when none is configured. */
  private static String[] valuesOf(String table, MarkerColumn column) {
    switch (column.jdbcType()) {
      case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE:
        return new String[] {NULL, CURRENT_TIMESTAMP};
      case Types.BOOLEAN, Types.BIT:
        return new String[] {"FALSE", "TRUE"};
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
        return new String[] {"0", "1"};
      case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR:
        throw new SoftDeleteException("softdelete: table '" + table + "' marks deleted rows in character column '"
            + column.column() + "': set table." + table + ".liveValue and table." + table
            + ".deletedValue (e.g. '0' and '2')");
      default:
        throw new SoftDeleteException("softdelete: table '" + table + "' marks deleted rows in column '"
            + column.column() + "' of type " + column.typeName() + ", whose live and deleted values softdelete"
            + " cannot tell: set table." + table + ".liveValue and table." + table + ".deletedValue");
    }
  }

  private SoftDeleteMarker marker(String table, TableMarker settings, String column, String live,
      String deleted) {
    if (live.strip().equalsIgnoreCase(deleted.strip())) {
      throw new SoftDeleteException("softdelete: table '" + table + "' would mark deleted rows in column '" + column
          + "' with its live value '" + live + "', so deleted rows would look live: set table." + table
          + ".liveValue and table." + table + ".deletedValue");
    }
    return SoftDeleteMarker.of(column, live, deleted)
        .withAuditColumns(settings.deletedByColumn(), settings.deleteReasonColumn())
        .withUpdates(settings.onDeleteSet(), settings.onRestoreSet(), config.keepAuditOnRestore());
  }

  // one bound timestamp ties a cascade's children to their parent: a flag cannot
  private void checkCascades(SoftTables tables) {
    for (Cascade cascade : config.cascades()) {
      for (String table : List.of(cascade.parentTable(), cascade.childTable())) {
        int dot = table.lastIndexOf('.');
        SoftDeleteMarker marker = tables.markerOf(dot < 0 ? null : table.substring(0, dot), table.substring(dot + 1));
        if (marker != null && !Cascade.tiesByTimestamp(marker.deletedValueSql())) {
          throw new SoftDeleteException("softdelete: " + cascade.refusalThrough(table, "deletedValue '"
              + marker.deletedValueSql() + "' (marker column '" + marker.column() + "')"));
        }
      }
    }
  }

  private TableMarker settingsOf(String qualifiedTable) {
    int dot = qualifiedTable.lastIndexOf('.');
    return config.markerFor(dot < 0 ? null : qualifiedTable.substring(0, dot), qualifiedTable.substring(dot + 1));
  }

  // whether a configured name (table: any schema) is a found table (schema.table)
  private static boolean names(String configured, String found) {
    if (configured.equalsIgnoreCase(found)) {
      return true;
    }
    return configured.indexOf('.') < 0 && found.toLowerCase(Locale.ROOT)
        .endsWith("." + configured.toLowerCase(Locale.ROOT));
  }

  // a name the database folded to upper case (H2, Oracle) reads as the user wrote it, unquoted
  private static String unfolded(String name) {
    return name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
