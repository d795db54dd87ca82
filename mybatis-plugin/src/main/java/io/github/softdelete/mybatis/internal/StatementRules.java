package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.rewrite.RewriteResult;

/**
 * What the interceptor refuses of an engine answer because of how MyBatis runs the statement, not because of its
 * SQL; the interceptor and {@code SoftDeleteCheck} both ask here.
 */
public final class StatementRules {
  private StatementRules() {}

  /**
   * Why {@code result} cannot run as a query, or {@code null}. A query keeps the application's parameters as they
   * are, so a DELETE run as one ({@code DELETE ... RETURNING} in a {@code <select>}) whose conversion adds values
   * (who, why) or statements (cascades) cannot run with parameters that line up.
   */
  public static String asQuery(RewriteResult result) {
    if (result.bindsPerCall()) {
      return "a DELETE run as a query (RETURNING in a <select>) cannot carry audit values, cascades or integrity"
          + " checks; map it as <update>, or drop RETURNING";
    }
    return null;
  }

  /**
   * Why {@code result} cannot run in a statement with a {@code <selectKey>}, or {@code null}: its SQL is known
   * only when it runs, after the cascade's statements would have had to run.
   */
  public static String withSelectKey(RewriteResult result) {
    if (!result.before().isEmpty()) {
      return "the table has cascades or integrity checks, which run before the DELETE; a DELETE with a"
          + " <selectKey> cannot have them, remove the <selectKey>";
    }
    return null;
  }
}
