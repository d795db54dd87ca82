package io.github.softdelete.mybatis.differential;

import java.util.List;

/**
 * One trash view ({@code OnlyDeleted}) spelt several ways that mean the same query: comma joins, JOINs,
 * parenthesised joins, the entity wrapped in a derived table or a CTE. Every spelling must return the rows of
 * one oracle, written by hand over the first spelling: the entity (the first reference of each outermost
 * FROM) replaced by {@code (SELECT * FROM t WHERE deleted_at IS NOT NULL)}, every other soft reference by its
 * live view.
 */
record TrashCase(String name, List<String> statementIds, String oracleSql) {
  TrashCase {
    if (statementIds.size() < 2) {
      throw new IllegalArgumentException(name + ": a trash case pairs at least two spellings");
    }
  }

  static TrashCase spellings(String name, String... ids) {
    return new TrashCase(name, List.of(ids).stream().map(id -> "differential." + id).toList(), null);
  }

  TrashCase oracle(String sql) {
    return new TrashCase(name, statementIds, sql);
  }

  /** The same query with every soft reference live: what the default mode returns. */
  String liveSql() {
    return oracleSql.replace("deleted_at IS NOT NULL", "deleted_at IS NULL");
  }

  /** The same query with every soft reference deleted: what a rule flipping every table would return. */
  String everyTableDeletedSql() {
    return oracleSql.replace("deleted_at IS NULL", "deleted_at IS NOT NULL");
  }

  @Override
  public String toString() {
    return name;
  }
}
