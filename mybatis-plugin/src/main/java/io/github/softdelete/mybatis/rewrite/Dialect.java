package io.github.softdelete.mybatis.rewrite;

import java.util.Locale;

/**
 * The database a statement runs on, as far as the engine needs it: only the forms whose exact conversion
 * differs between databases (upserts, MERGE) ask. Unknown: those forms are refused.
 */
public enum Dialect {
  /** ON CONFLICT and MERGE (PostgreSQL 15). */
  POSTGRESQL,
  /** MariaDB, and MySQL, which shares its upsert syntax (tested on MariaDB only): ON DUPLICATE KEY UPDATE. */
  MYSQL,
  /**
   * MERGE ... USING. In its MySQL mode H2 2.3.232 reads ON DUPLICATE KEY UPDATE too, but not the conversion
   * (it has no IF(), and VALUES(c) of a column the INSERT does not list fails "Feature not supported"), so the
   * mode is not read.
   */
  H2,
  UNKNOWN;

  /**
   * Whether some write that may meet a soft-deleted row's key is converted on this database, reviving the row:
   * the engine then needs the soft tables' columns and primary keys.
   */
  public boolean revivesDeletedRows() {
    return this != UNKNOWN;
  }

  /** From {@code DatabaseMetaData.getDatabaseProductName()}; {@code null} or anything else is unknown. */
  public static Dialect ofProductName(String productName) {
    if (productName == null) {
      return UNKNOWN;
    }
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (name.contains("mariadb") || name.contains("mysql")) {
      return MYSQL;
    }
    return name.equals("h2") ? H2 : UNKNOWN;
  }
}
