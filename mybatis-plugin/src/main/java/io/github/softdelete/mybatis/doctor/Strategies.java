package io.github.softdelete.mybatis.doctor;

import io.github.softdelete.mybatis.rewrite.Dialect;
import java.util.List;

/**
 * The advice of docs/unique-keys.md and of indexes, spelt for one database and one table: the strategy that
 * fits, as SQL to start from.
 */
final class Strategies {
  private Strategies() {}

  /** How to keep deleted rows from holding the unique key {@code columns} of {@code table}. */
  static String uniqueKey(Dialect dialect, String table, String index, List<String> columns, String live) {
    String keys = String.join(", ", columns);
    return switch (dialect) {
      case POSTGRESQL -> "a partial unique index, which deleted rows stay outside of: CREATE UNIQUE INDEX "
          + index + "_live ON " + table + " (" + keys + ") WHERE " + live + ", then drop " + index
          + " (docs/unique-keys.md)";
      case MYSQL -> "a generated live column, NULL for deleted rows: ALTER TABLE " + table
          + " ADD alive TINYINT AS (IF(" + live + ", 1, NULL)) VIRTUAL, ADD UNIQUE (" + keys + ", alive), then drop "
          + index + " (docs/unique-keys.md)";
      default -> "a deletion token: a marker column 0 while live and the row's id once deleted"
          + " (column=deleted_token, liveValue=0, deletedValue=id), and UNIQUE (" + keys + ", deleted_token)"
          + " instead of " + index + " (docs/unique-keys.md)";
    };
  }

  /** How to index the marker of {@code table}, which every statement filters by. */
  static String markerIndex(Dialect dialect, String table, String live) {
    return switch (dialect) {
      case POSTGRESQL -> "make the indexes the application looks rows up by partial: CREATE INDEX ... ON " + table
          + " (...) WHERE " + live + "; or add the marker to them";
      default -> "add the marker column to the indexes the application looks rows up by, e.g. CREATE INDEX ... ON "
          + table + " (<lookup columns>, " + live.split(" ")[0] + ")";
    };
  }
}
