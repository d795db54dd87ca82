package io.github.softdelete.mybatis.rewrite;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL to run instead of the SQL the application sent.
 *
 * @param sql the SQL to run; the very same string as the input when {@code changed} is false
 * @param changed whether the engine changed anything
 * @param bindings the source of each {@code ?} of {@code sql}, or {@code null} when they are the application's
 *     parameters in their order (nothing added)
 * @param before statements to run first, in order, in the same transaction (cascades); empty when none
 * @param table the soft table a DELETE marks or restores, for messages; {@code null} otherwise
 * @param leftAsWritten the soft table references that got no predicate because the statement constrains
 *     their marker itself ({@code explicitMarker=respect}); empty when none
 */
public record RewriteResult(String sql, boolean changed, List<Binding> bindings, List<PlannedStatement> before,
    String table, List<LeftAsWritten> leftAsWritten) {

  public RewriteResult(String sql, boolean changed, List<Binding> bindings, List<PlannedStatement> before,
      String table) {
    this(sql, changed, bindings, before, table, List.of());
  }

  public RewriteResult(String sql, boolean changed) {
    this(sql, changed, null, List.of(), null);
  }

  static RewriteResult unchanged(String sql) {
    return new RewriteResult(sql, false);
  }

  /**
   * A reference the engine left as the application wrote it.
   *
   * @param table the table as written, without alias
   * @param column its marker column, which the statement constrains itself
   */
  public record LeftAsWritten(String table, String column) {}

  /**
   * Whether running this answer takes more than the statement's own parameters: values the library binds per
   * call (who, why) or statements planned to run before it (cascades, integrity checks).
   */
  public boolean bindsPerCall() {
    return bindings != null || !before.isEmpty();
  }

  /**
   * What was left as written, for logs and {@code explain}: {@code left as written: the statement filters
   * deleted_at itself} when nothing changed, else one {@code users: left as written: ...} per table;
   * {@code null} when every reference was handled by softdelete.
   */
  public String leftAsWrittenNote() {
    if (leftAsWritten.isEmpty()) {
      return null;
    }
    if (!changed) {
      return "left as written: the statement filters "
          + leftAsWritten.stream().map(LeftAsWritten::column).distinct().collect(Collectors.joining(", "))
          + " itself";
    }
    return leftAsWritten.stream().distinct()
        .map(left -> left.table() + ": left as written: the statement filters " + left.column() + " itself")
        .collect(Collectors.joining("; "));
  }
}
