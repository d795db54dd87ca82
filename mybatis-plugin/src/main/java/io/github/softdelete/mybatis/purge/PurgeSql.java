package io.github.softdelete.mybatis.purge;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statements of a purge of one table. A row is purged when its marker says deleted and its deletion time
 * is before the cut-off (the one {@code ?} of {@link #condition}); batches are addressed by primary key.
 */
final class PurgeSql {
  private static final String SOURCE = "softdelete_src";
  private static final String ARCHIVE = "softdelete_arc";

  private final PurgeTarget target;
  private final Function<String, String> quote;
  private final String liveValue;
  private final String table;
  private final String archive;
  private final boolean skipLocked;

  PurgeSql(PurgeTarget target, Function<String, String> quote, String liveValue, boolean skipLocked) {
    this.skipLocked = skipLocked;
    this.target = target;
    this.quote = quote;
    this.liveValue = liveValue;
    this.table = target.table().sqlName();
    this.archive = target.archive() == null ? null : target.archive().sqlName();
  }

  /** Rows that would be purged now. Parameter: the cut-off. */
  String count() {
    return "SELECT COUNT(*) FROM " + table + " " + SOURCE + " WHERE " + condition(SOURCE);
  }

  /**
   * The next batch's primary keys, locked until the batch commits; where the database can, passing over the
   * rows another purge's batch holds. Parameter: the cut-off.
   */
  String nextBatch(int size) {
    String keys = columns(SOURCE, target.table().primaryKey());
    return "SELECT " + keys + " FROM " + table + " " + SOURCE + " WHERE " + condition(SOURCE)
        + " ORDER BY " + keys + " LIMIT " + size + " FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : "");
  }

  /**
   * Copies the batch's rows into the archive, skipping rows already there with the same key and deletion
   * time (so that a copy without its delete, on a database without transactions, is not made twice).
   * Parameters: the keys, then the cut-off.
   */
  String copy(int rows) {
    // an archive made with CREATE TABLE ... LIKE keeps generated columns, which compute their own value
    List<TableInfo.Column> columns = target.table().columns().stream()
        .filter(c -> !target.archive().column(c.name()).orElseThrow().generated()).toList();
    String names = columns.stream().map(c -> quote.apply(archiveName(c.name()))).collect(Collectors.joining(", "));
    String values = columns.stream().map(c -> SOURCE + "." + quote.apply(c.name())).collect(Collectors.joining(", "));
    return "INSERT INTO " + archive + " (" + names + ", " + quote.apply(archiveName(PurgeTarget.ARCHIVED_AT)) + ")"
        + " SELECT " + values + ", CURRENT_TIMESTAMP FROM " + table + " " + SOURCE
        + " WHERE " + keysMatch(SOURCE, rows) + " AND " + condition(SOURCE)
        + " AND NOT EXISTS (" + sameRowInArchive(SOURCE) + ")";
  }

  /**
   * Deletes the batch's rows; when archiving, only those whose copy is in the archive, so that a row can never
   * leave the table without being archived. Parameters: the keys, then the cut-off.
   */
  String delete(int rows) {
    // single-table DELETE cannot take an alias on MariaDB: the table's own name qualifies its columns
    String self = quote.apply(target.table().name());
    String sql = "DELETE FROM " + table + " WHERE " + keysMatch(self, rows) + " AND " + condition(self);
    return archive == null ? sql : sql + " AND EXISTS (" + sameRowInArchive(self) + ")";
  }

  private String sameRowInArchive(String outer) {
    StringBuilder sql = new StringBuilder("SELECT 1 FROM " + archive + " " + ARCHIVE + " WHERE ");
    for (String key : target.table().primaryKey()) {
      sql.append(column(ARCHIVE, archiveName(key))).append(" = ").append(column(outer, key)).append(" AND ");
    }
    return sql.append(column(ARCHIVE, archiveName(target.deletedAt()))).append(" = ")
        .append(column(outer, target.deletedAt())).toString();
  }

  private String condition(String qualifier) {
    String marker = column(qualifier, target.marker());
    String deleted = liveValue == null ? marker + " IS NOT NULL" : marker + " <> " + liveValue;
    return deleted + " AND " + column(qualifier, target.deletedAt()) + " < ?";
  }

  private String keysMatch(String qualifier, int rows) {
    List<String> keys = target.table().primaryKey();
    if (keys.size() == 1) {
      return column(qualifier, keys.get(0)) + " IN (" + String.join(", ", Collections.nCopies(rows, "?")) + ")";
    }
    String one = keys.stream().map(k -> column(qualifier, k) + " = ?").collect(Collectors.joining(" AND ", "(", ")"));
    return "(" + String.join(" OR ", Collections.nCopies(rows, one)) + ")";
  }

  private String columns(String qualifier, List<String> names) {
    return names.stream().map(n -> column(qualifier, n)).collect(Collectors.joining(", "));
  }

  private String column(String qualifier, String name) {
    return qualifier + "." + quote.apply(name);
  }

  /** The archive's spelling of a column of the table (the archive may fold case differently). */
  private String archiveName(String column) {
    return target.archive().column(column).orElseThrow().name();
  }
}
