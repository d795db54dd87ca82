package io.github.softdelete.mybatis;

import org.apache.ibatis.exceptions.PersistenceException;

/**
 * A statement that softdelete refused to run, or a configuration it cannot work with.
 *
 * <p>Thrown before anything reaches the database. For a refused statement the message names the mapped
 * statement, the table and the reason, and the same facts are available from the getters.
 */
public class SoftDeleteException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  private final String statementId;
  private final String table;
  private final String reason;

  /** A configuration error; the message says which property is wrong and why. */
  public SoftDeleteException(String message) {
    this(message, null);
  }

  /** A configuration error with the exception that revealed it. */
  public SoftDeleteException(String message, Throwable cause) {
    super(message, cause);
    this.statementId = null;
    this.table = null;
    this.reason = message;
  }

  private SoftDeleteException(String statementId, String table, String reason, Throwable cause) {
    super("softdelete: refused statement '" + statementId + "' on table '" + table + "': " + reason, cause);
    this.statementId = statementId;
    this.table = table;
    this.reason = reason;
  }

  /** A statement on a soft table that cannot be run with certainty. */
  public static SoftDeleteException refused(String statementId, String table, String reason, Throwable cause) {
    return new SoftDeleteException(statementId, table, reason, cause);
  }

  /** The id of the mapped statement that was refused, or {@code null} for a configuration error. */
  public String getStatementId() {
    return statementId;
  }

  /** The soft table the refused statement touches, or {@code null} for a configuration error. */
  public String getTable() {
    return table;
  }

  /** Why it was refused, and what to do about it. */
  public String getReason() {
    return reason;
  }
}
