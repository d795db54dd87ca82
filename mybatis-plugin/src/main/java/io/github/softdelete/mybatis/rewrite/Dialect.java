package io.github.softdelete.mybatis.rewrite;

import java.util.Locale;

/**
 * The database a statement runs on, as far as the engine needs it: only the forms whose exact conversion
 * differs between databases (upserts) ask. Unknown: those forms are refused.
 */
public enum Dialect {
  POSTGRESQL,
  /** MariaDB, and MySQL, which shares its upsert syntax (tested on MariaDB only). */
  MYSQL,
  H2,
  UNKNOWN;

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
