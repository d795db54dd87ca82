package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.PurgeException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/**
 * One table to purge, checked against the database: it exists, has the marker, a timestamp that tells when
 * a row was deleted, a primary key, and (when archiving) an archive table with every column plus
 * {@code archived_at}.
 *
 * @param name the table as the user named it
 * @param archiveName the archive table as derived from that name, or {@code null}
 * @param liveValue the marker's live value, a SQL literal, or {@code null} when live means {@code IS NULL}
 */
record PurgeTarget(String name, TableInfo table, String archiveName, TableInfo archive, String marker,
    String deletedAt, String liveValue) {
  static final String ARCHIVED_AT = "archived_at";

  static PurgeTarget resolve(Catalog catalog, TableRef ref, PurgeSettings settings) throws SQLException {
    String name = ref.name();
    TableInfo table = catalog.find(ref.table()).orElseThrow(() -> Catalog.unknownTable(name, ref.where()));
    PurgeSettings.Marker settingsMarker = settings.markers().get(ref.logical());
    TableInfo.Column marker = markerColumn(table, name, settingsMarker.columns());
    String liveValue = liveValue(ref.logical(), marker, settingsMarker.liveValue());
    String deletedAtName = settingsMarker.deletedAtColumn() != null ? settingsMarker.deletedAtColumn() : marker.name();
    TableInfo.Column deletedAt = table.column(deletedAtName).orElseThrow(() -> new PurgeException(
        "softdelete purge: table '" + name + "' has no column '" + deletedAtName
            + "' (the column that tells when a row was deleted)"));
    // a table's own flag marker says that a row was deleted, not when: the retention needs a timestamp
    if (!deletedAt.isTimestamp() && settingsMarker.deletedAtColumn() == null
        && !settingsMarker.columns().equals(List.of(settings.column()))) {
      throw new PurgeException("softdelete purge: table '" + name + "' marks deleted rows in column '"
          + marker.name() + "' (" + marker.typeName() + "), which cannot tell when a row was deleted; name the"
          + " table's timestamp column that does with Purge.Builder#deletedAtColumn(\"" + ref.logical() + "\", column)"
          + " (on the command line --table." + ref.logical() + ".deletedAtColumn, or --deleted-at-column for every table)");
    }
    if (!deletedAt.isTimestamp()) {
      throw new PurgeException("softdelete purge: column '" + deletedAt.name() + "' of table '" + name + "' is "
          + deletedAt.typeName() + ", not a timestamp, so it cannot tell when a row was deleted; name a timestamp"
          + " column that does with --deleted-at-column (Purge.Builder#deletedAtColumn)");
    }
    if (table.primaryKey().isEmpty()) {
      throw new PurgeException("softdelete purge: table '" + name
          + "' has no primary key; purge copies and deletes rows by primary key");
    }
    if (ref.archive() == null) {
      return new PurgeTarget(name, table, null, null, marker.name(), deletedAt.name(), liveValue);
    }
    String archiveName = ref.archiveName();
    TableInfo archive = catalog.find(ref.archive()).orElseThrow(() -> new PurgeException(
        "softdelete purge: archive table '" + archiveName + "' for table '" + name + "' does not exist"
            + ref.where() + "; create it with the columns of '" + ref.table() + "' plus " + ARCHIVED_AT
            + ", e.g. CREATE TABLE " + ref.archive() + " AS SELECT * FROM " + ref.table() + " WHERE 1 = 0;"
            + " ALTER TABLE " + ref.archive() + " ADD " + ARCHIVED_AT + " TIMESTAMP"));
    List<String> missing = new ArrayList<>();
    for (TableInfo.Column column : table.columns()) {
      if (archive.column(column.name()).isEmpty()) {
        missing.add(column.name());
      }
    }
    if (archive.column(ARCHIVED_AT).isEmpty()) {
      missing.add(ARCHIVED_AT);
    }
    if (!missing.isEmpty()) {
      throw new PurgeException("softdelete purge: archive table '" + archiveName + "' has no column "
          + String.join(", ", missing) + "; it needs every column of '" + name + "' plus " + ARCHIVED_AT);
    }
    return new PurgeTarget(name, table, archiveName, archive, marker.name(), deletedAt.name(), liveValue);
  }

  private static TableInfo.Column markerColumn(TableInfo table, String name, List<String> candidates) {
    for (String candidate : candidates) {
      Optional<TableInfo.Column> column = table.column(candidate);
      if (column.isPresent()) {
        return column.get();
      }
    }
    throw new PurgeException("softdelete purge: table '" + name + "' has no column '"
        + String.join("', '", candidates) + "' (the marker); is it a soft table?");
  }

  // as the interceptor: a live value set nowhere follows the marker column's type
  private static String liveValue(String name, TableInfo.Column marker, String configured) {
    if (configured != null) {
      return configured.equalsIgnoreCase("NULL") ? null : configured;
    }
    switch (marker.jdbcType()) {
      case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE:
        return null;
      case Types.BOOLEAN, Types.BIT:
        return "FALSE";
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
        return "0";
      default:
        throw new PurgeException("softdelete purge: table '" + name + "' marks deleted rows in column '"
            + marker.name() + "' (" + marker.typeName() + "), whose live value purge cannot tell: set table."
            + name + ".liveValue");
    }
  }
}
