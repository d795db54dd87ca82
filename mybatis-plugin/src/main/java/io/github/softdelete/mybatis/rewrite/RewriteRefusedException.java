package io.github.softdelete.mybatis.rewrite;

/**
 * The engine cannot run a statement on a soft table with certainty. The caller, who knows the mapped
 * statement, turns it into a {@code SoftDeleteException}.
 */
public final class RewriteRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String reason;
  private final boolean unreadable;

  public RewriteRefusedException(String table, String reason) {
    this(table, reason, false, null);
  }

  public RewriteRefusedException(String table, String reason, boolean unreadable, Throwable cause) {
    super("table '" + table + "': " + reason, cause);
    this.table = table;
    this.reason = reason;
    this.unreadable = unreadable;
  }

  /**
   * Whether the parser could not read the SQL at all (as opposed to a statement it read and refused); a
   * configuration may let such SELECTs pass with a warning, never anything else.
   */
  public boolean unreadable() {
    return unreadable;
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
