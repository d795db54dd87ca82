package io.github.softdelete.mybatis.fuzz;

/** What the generator may write for one database, and how to reach that database's own fuzz schema. */
enum Dialect {
  H2(false, true, false, true, "PUBLIC"),
  POSTGRES(true, true, true, true, FuzzDatabase.SCHEMA),
  MARIADB(false, false, false, false, FuzzDatabase.SCHEMA);

  /** FULL [OUTER] JOIN; H2 and MariaDB have none. */
  final boolean fullJoin;
  /** Whether {@code USERS} names the table {@code users} (MariaDB on Linux compares table names by case). */
  final boolean caseInsensitiveNames;
  /**
   * {@code x op ALL (subquery)}. H2 2.3.232 answers it differently for a subquery that reads a derived table
   * {@code (SELECT * FROM t WHERE ...)}, the oracle's form: seeds 7003115, 7003229, 7006591, 7007463 and
   * 7009467 gave H2 rows for the engine's SQL and none (or others) for the oracle, while PostgreSQL, on the
   * same data, returned the engine's rows for both. MariaDB 10.11 answered seed 7001145 ({@code < ALL} over a
   * correlated INTERSECT) with one row for the engine's SQL where PostgreSQL returns three for the very same
   * text. Both databases still get ANY; PostgreSQL gets ALL.
   */
  final boolean allSubqueries;
  /**
   * A set operation as the subquery of {@code x op ANY (...)} with an inequality. MariaDB 10.11.19 drops the
   * rows of a branch after the first that refers to the outer query: seed 7000342, and on its data
   * {@code u.k > ANY (SELECT 100 FROM orders WHERE 1 = 0 UNION SELECT a.id FROM users_archive a WHERE u.v = 6)}
   * returns no row where the second branch alone, or the branches swapped, give one; PostgreSQL and H2 return
   * it. {@code IN}, {@code = ANY} and {@code EXISTS} over the same union are right.
   */
  final boolean setOperationsInAny;
  /** The schema (MariaDB: database) the fuzz tables live in, for schema-qualified references. */
  final String schema;

  Dialect(boolean fullJoin, boolean caseInsensitiveNames, boolean allSubqueries, boolean setOperationsInAny,
      String schema) {
    this.fullJoin = fullJoin;
    this.caseInsensitiveNames = caseInsensitiveNames;
    this.allSubqueries = allSubqueries;
    this.setOperationsInAny = setOperationsInAny;
    this.schema = schema;
  }
}
