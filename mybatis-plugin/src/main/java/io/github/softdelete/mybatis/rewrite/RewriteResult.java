package io.github.softdelete.mybatis.rewrite;

import java.util.List;

/**
 * The SQL to run instead of the SQL the application sent.
 *
 * @param sql the SQL to run; the very same string as the input when {@code changed} is false
 * @param changed whether the engine changed anything
 * @param bindings the source of each {@code ?} of {@code sql}, or {@code null} when they are the application's
 *     parameters in their order (nothing added)
 * @param before statements to run first, in order, in the same transaction (cascades); empty when none
 * @param table the soft table a DELETE marks or restores, for messages; {@code null} otherwise
 */
public record RewriteResult(String sql, boolean changed, List<Binding> bindings, List<PlannedStatement> before,
    String table) {

  public RewriteResult(String sql, boolean changed) {
    this(sql, changed, null, List.of(), null);
  }

  static RewriteResult unchanged(String sql) {
    return new RewriteResult(sql, false);
  }
}
