package io.github.softdelete.mybatis.fuzz;

/**
 * The tables the generator writes SQL over. Each has integer columns {@code id, k, v}; {@code users_archive}
 * has a {@code deleted_at} column with marks in it but is not a soft table, and its name contains a soft
 * table's name: filtering it, or matching it as {@code users}, changes results.
 */
enum FuzzTable {
  USERS("users", true, true),
  ORDERS("orders", true, true),
  USERS_ARCHIVE("users_archive", false, true),
  TAGS("tags", false, false);

  final String sqlName;
  final boolean soft;
  final boolean hasMarkerColumn;

  FuzzTable(String sqlName, boolean soft, boolean hasMarkerColumn) {
    this.sqlName = sqlName;
    this.soft = soft;
    this.hasMarkerColumn = hasMarkerColumn;
  }
}
