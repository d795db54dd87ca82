package io.github.softdelete.mybatis.rewrite;

import java.util.List;

/**
 * A statement the library runs before the application's own, in the same transaction: the UPDATE that marks
 * (or restores) the children of a cascade, or the query that checks a restrict relation or a restore guard.
 *
 * @param table the table it changes, or for a check the table its refusal names
 * @param sql the SQL, with {@code ?} only
 * @param bindings the source of each {@code ?}, in order
 * @param refusal for a check, a query: why the application's statement is refused when it returns a row;
 *     {@code null} for an UPDATE
 */
public record PlannedStatement(String table, String sql, List<Binding> bindings, String refusal) {

  /** An UPDATE of a cascade. */
  public PlannedStatement(String table, String sql, List<Binding> bindings) {
    this(table, sql, bindings, null);
  }

  /**
   * This statement with other SQL and bindings (its parameters bound or moved), all else kept: the one way to
   * derive a planned statement, so that a check never loses its refusal on the way.
   */
  public PlannedStatement withSql(String sql, List<Binding> bindings) {
    return new PlannedStatement(table, sql, bindings, refusal);
  }

  /** Whether this is a check: a query that must return no row for the application's statement to run. */
  public boolean isCheck() {
    return refusal != null;
  }
}
