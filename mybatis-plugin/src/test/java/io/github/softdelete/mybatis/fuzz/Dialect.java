package io.github.softdelete.mybatis.fuzz;

/** What the generator may write for one database, and how to reach that database's own fuzz schema. */
enum Dialect {
  H2(false, true, "PUBLIC"),
  POSTGRES(true, true, FuzzDatabase.SCHEMA),
  MARIADB(false, false, FuzzDatabase.SCHEMA);

  /** FULL [OUTER] JOIN; H2 and MariaDB have none. */
  final boolean fullJoin;
  /** Whether {@code USERS} names the table {@code users} (MariaDB on Linux compares table names by case). */
  final boolean caseInsensitiveNames;
  /** The schema (MariaDB: database) the fuzz tables live in, for schema-qualified references. */
  final String schema;

  Dialect(boolean fullJoin, boolean caseInsensitiveNames, String schema) {
    this.fullJoin = fullJoin;
    this.caseInsensitiveNames = caseInsensitiveNames;
    this.schema = schema;
  }
}
