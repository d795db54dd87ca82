package io.github.softdelete.mybatis;

/**
 * The exception a configuration error is reported with: a {@link SoftDeleteException}, or, where MyBatis is
 * not on the class path (the purge command runs on plain JDBC), an {@link IllegalArgumentException} with the
 * same message, since a {@code SoftDeleteException} cannot exist there. Only this class names
 * {@code SoftDeleteException}, and the class that does is loaded when an error is made, so that reading a
 * configuration needs no MyBatis.
 */
final class ConfigErrors {
  private static final boolean MYBATIS = hasMyBatis();

  private ConfigErrors() {}

  static RuntimeException of(String message) {
    return of(message, null);
  }

  static RuntimeException of(String message, Throwable cause) {
    return MYBATIS ? WithMyBatis.error(message, cause) : new IllegalArgumentException(message, cause);
  }

  private static boolean hasMyBatis() {
    try {
      Class.forName("org.apache.ibatis.exceptions.PersistenceException", false, ConfigErrors.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static final class WithMyBatis {
    static RuntimeException error(String message, Throwable cause) {
      return new SoftDeleteException(message, cause);
    }
  }
}
