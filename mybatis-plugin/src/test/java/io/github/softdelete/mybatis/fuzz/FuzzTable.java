package io.github.softdelete.mybatis.fuzz;

import java.util.Locale;

/**
 * The tables the generator writes SQL over, each soft table with a marker convention of its own. Each has
 * integer columns {@code id, k, v} and a marker column; {@code users_archive} has a {@code removed_at} column
 * with marks in it (a name no candidate matches) but is not a soft table, and its name contains a soft table's
 * name: filtering it, or matching it as {@code users}, changes results.
 */
enum FuzzTable {
  USERS("users", true, FuzzMarker.timestamp("deleted_at")),
  ORDERS("orders", true, FuzzMarker.values("is_deleted", "0", "1")),
  USERS_ARCHIVE("users_archive", false, FuzzMarker.timestamp("removed_at")),
  TAGS("tags", true, FuzzMarker.values("del_flag", "'0'", "'2'"));

  final String sqlName;
  final boolean soft;
  final FuzzMarker marker;

  FuzzTable(String sqlName, boolean soft, FuzzMarker marker) {
    this.sqlName = sqlName;
    this.soft = soft;
    this.marker = marker;
  }

  /** The table a reference names, however written: {@code USERS}, {@code softdelete_fuzz.orders}. */
  static FuzzTable named(String written) {
    String name = written.substring(written.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    for (FuzzTable table : values()) {
      if (table.sqlName.equals(name)) {
        return table;
      }
    }
    throw new IllegalArgumentException("no fuzz table " + written);
  }
}
