package io.github.softdelete.mybatis;

/**
 * A purge that could not start (a bad table, column, option or archive table) or that failed part-way.
 *
 * <p>Purge runs on plain JDBC, without MyBatis on the class path, so it has its own exception. A failure
 * part-way leaves every committed batch purged and rolls back the batch in flight: running the purge again
 * finishes the job.
 */
public class PurgeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PurgeException(String message) {
    super(message);
  }

  public PurgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
