package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.Cascade;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The validated options of one purge.
 *
 * @param tables in the order they are purged
 * @param archiveSuffix appended to each table's name to name its archive; {@code null}: no archive
 * @param liveValue a SQL literal, or {@code null} when live means {@code IS NULL}
 * @param deletedAtColumn the timestamp column compared with the cut-off (the marker itself by default)
 * @param markers each table's marker, by the table as given
 * @param cascades the declared cascades {@code tables} are already ordered by
 * @param orderByForeignKeys whether the run puts children first by the database's foreign keys as well (the
 *     configuration says {@code cascade=detect} or {@code restrict=detect})
 */
public record PurgeSettings(List<String> tables, Duration retention, String archiveSuffix, int batchSize,
    boolean dryRun, String column, String liveValue, String deletedAtColumn, Map<String, Marker> markers,
    List<Cascade> cascades, boolean orderByForeignKeys) {

  /**
   * One table's marker as the purge reads it.
   *
   * @param columns candidates, in order: the first the table has is its marker
   * @param liveValue a SQL literal, {@code NULL}, or {@code null}: by the marker column's type
   * @param deletedAtColumn the timestamp column compared with the cut-off; {@code null}: the marker itself
   */
  public record Marker(List<String> columns, String liveValue, String deletedAtColumn) {}

  @Override
  public String toString() {
    return "tables=" + String.join(",", tables) + ", older than " + retention
        + (archiveSuffix == null ? ", no archive" : ", archive suffix " + archiveSuffix)
        + ", batch size " + batchSize + ", marker " + column + (liveValue == null ? " IS NULL" : " = " + liveValue)
        + " when live, deletion time " + deletedAtColumn
        + (orderByForeignKeys ? ", children first by the database's foreign keys" : "") + (dryRun ? ", dry run" : "");
  }
}
