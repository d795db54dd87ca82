package org.apache.ibatis.exceptions;

/**
 * Not MyBatis's class: a stand-in with its name, so that {@code SoftDeleteConfig} (whose errors are
 * {@code SoftDeleteException}s, subclasses of MyBatis's {@code PersistenceException}) can check the agent's
 * options, and {@code explain} can run, where there is no MyBatis. Only the agent's standalone class loader
 * defines it; Repackage compiles it into {@code softdelete-standin/}.
 */
public class PersistenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PersistenceException() {}

  public PersistenceException(String message) {
    super(message);
  }

  public PersistenceException(String message, Throwable cause) {
    super(message, cause);
  }

  public PersistenceException(Throwable cause) {
    super(cause);
  }
}
