package io.github.softdelete.mybatis.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a restore's integrity violation means, in words: JDBC has no portable way to name the constraint, so
 * it is read from the driver's message where the common drivers put it.
 */
final class ConstraintViolations {
  private static final List<Pattern> NAMES = List.of(
      // PostgreSQL: duplicate key value violates unique constraint "users_email_key"
      Pattern.compile("constraint \"([^\"]+)\""),
      // MySQL, MariaDB: Duplicate entry 'a@x' for key 'users.email'
      Pattern.compile("for key '([^']+)'"),
      // H2: Unique index or primary key violation: "PUBLIC.UQ_LIVE_TITLE_INDEX_A ON PUBLIC.DOCUMENTS(...)"
      Pattern.compile("violation: \"([^\" ]+)"),
      // H2 and others: ... constraint violation: "FK_X: ..."  / CONSTRAINT_NAME
      Pattern.compile("(?i)constraint ([A-Za-z_][\\w.$]*)"));

  private ConstraintViolations() {}

  /** The integrity constraint violation (SQLState 23xxx) among {@code e} and its causes, or {@code null}. */
  static SQLException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
            return s;
          }
        }
      }
    }
    return null;
  }

  /** Whether the violation is of a unique key or primary key. */
  static boolean isUniqueKey(SQLException e) {
    // 23505: PostgreSQL, H2, the standard; MySQL and MariaDB say 23000 with error 1062 or 1586
    return "23505".equals(e.getSQLState()) || e.getErrorCode() == 1062 || e.getErrorCode() == 1586;
  }

  /** The constraint (or index) the driver names, or {@code null}. */
  static String constraintName(SQLException e) {
    String message = e.getMessage();
    if (message == null) {
      return null;
    }
    for (Pattern pattern : NAMES) {
      Matcher matcher = pattern.matcher(message);
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    return null;
  }

  /** The reason a restore failed, naming the constraint, for a {@code SoftDeleteException}. */
  static String restoreRefusal(SQLException e) {
    String name = constraintName(e);
    String constraint = name == null ? "a constraint the database did not name" : "constraint '" + name + "'";
    String firstLine = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    // H2 goes on with the whole SQL statement on the next lines: the statement id says which one
    int sqlFollows = firstLine.indexOf("; SQL statement:");
    firstLine = sqlFollows < 0 ? firstLine : firstLine.substring(0, sqlFollows);
    if (isUniqueKey(e)) {
      return "the restore would give a row a unique key that a live row already holds (" + constraint
          + "); change or delete the live row, then restore. The database said: " + firstLine;
    }
    return "the restore violates " + constraint + " (SQLState " + e.getSQLState() + "). The database said: "
        + firstLine;
  }
}
