package io.github.softdelete.mybatis.internal.purge;

import io.github.softdelete.mybatis.PurgeException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One table to purge, checked against the database: it exists, has the marker, a timestamp that tells when
 * a row was deleted, a primary key, and (when archiving) an archive table with every column plus
 * {@code archived_at}.
 *
 * @param name the table as the user named it
 * @param archiveName the archive table as derived from that name, or {@code null}
 */
record PurgeTarget(String name, TableInfo table, String archiveName, TableInfo archive, String marker,
    String deletedAt) {
  static final String ARCHIVED_AT = "archived_at";

  static PurgeTarget resolve(Catalog catalog, String name, PurgeSettings settings) throws SQLException {
    TableInfo table = catalog.find(name).orElseThrow(() -> Catalog.unknownTable(name));
    TableInfo.Column marker = table.column(settings.column()).orElseThrow(() -> new PurgeException(
        "softdelete purge: table '" + name + "' has no column '" + settings.column()
            + "' (the marker); is it a soft table?"));
    TableInfo.Column deletedAt = table.column(settings.deletedAtColumn()).orElseThrow(() -> new PurgeException(
        "softdelete purge: table '" + name + "' has no column '" + settings.deletedAtColumn()
            + "' (the column that tells when a row was deleted)"));
    if (!deletedAt.isTimestamp()) {
      throw new PurgeException("softdelete purge: column '" + deletedAt.name() + "' of table '" + name + "' is "
          + deletedAt.typeName() + ", not a timestamp, so it cannot tell when a row was deleted; name a timestamp"
          + " column that does with --deleted-at-column (Purge.Builder#deletedAtColumn)");
    }
    if (table.primaryKey().isEmpty()) {
      throw new PurgeException("softdelete purge: table '" + name
          + "' has no primary key; purge copies and deletes rows by primary key");
    }
    if (settings.archiveSuffix() == null) {
      return new PurgeTarget(name, table, null, null, marker.name(), deletedAt.name());
    }
    String archiveName = name.strip() + settings.archiveSuffix().strip();
    TableInfo archive = catalog.find(archiveName).orElseThrow(() -> new PurgeException(
        "softdelete purge: archive table '" + archiveName + "' for table '" + name + "' does not exist;"
            + " create it with the columns of '" + name + "' plus " + ARCHIVED_AT + ", e.g. CREATE TABLE "
            + archiveName + " AS SELECT * FROM " + name + " WHERE 1 = 0; ALTER TABLE " + archiveName + " ADD "
            + ARCHIVED_AT + " TIMESTAMP"));
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
    return new PurgeTarget(name, table, archiveName, archive, marker.name(), deletedAt.name());
  }
}
