package io.github.softdelete.mybatis.rewrite;

/**
 * The engine cannot run a statement on a soft table with certainty. The caller, who knows the mapped
 * statement, turns it into a {@code SoftDeleteException}.
 */
public final class RewriteRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String reason;

  public RewriteRefusedException(String table, String reason) {
    this(table, reason, null);
  }

  public RewriteRefusedException(String table, String reason, Throwable cause) {
    super("table '" + table + "': " + reason, cause);
    this.table = table;
    this.reason = reason;
  }

  /** The soft table concerned, as the statement names it. */
  public String table() {
    return table;
  }

  /** Why, and what the user can do. */
  public String reason() {
    return reason;
  }
}
