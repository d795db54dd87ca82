package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.Meters;
import io.github.softdelete.mybatis.engine.RewriteCache;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import org.apache.ibatis.logging.Log;
import org.apache.ibatis.logging.LogFactory;

/**
 * The engine's cached answers as MyBatis meets them: a refusal becomes a {@link SoftDeleteException} naming
 * the statement, and what each miss decided goes to MyBatis's log, under this class's name.
 */
final class SqlCache {
  /** What the logs say of each statement text, once per mode and scope of tables. */
  static final RewriteCache.Notes LOG = new LogNotes();

  private final RewriteCache answers;
  private final Meters meters;

  SqlCache(RewriteCache answers, Meters meters) {
    this.answers = answers;
    this.meters = meters;
  }

  /** The meters this cache's statements are counted on. */
  Meters meters() {
    return meters;
  }

  /** The cache itself, with refusals as the engine gives them. */
  RewriteCache answers() {
    return answers;
  }

  /**
   * The engine's whole answer for {@code sql} in {@code mode} (SQL, parameter sources, cascade statements),
   * or {@code null} when nothing changes.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  RewriteResult resultFor(String statementId, String sql, SoftDeleteMode mode) {
    return resultFor(statementId, sql, mode, IncludeDeleted.Tables.none());
  }

  /**
   * As {@link #resultFor(String, String, SoftDeleteMode)}, inside a scope of {@code tables} (already narrowed to
   * the ones that matter: {@link ScopedTables}).
   */
  RewriteResult resultFor(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    try {
      return answers.resultFor(statementId, sql, mode, tables);
    } catch (RewriteRefusedException e) {
      meters.refused(statementId);
      throw SoftDeleteException.refused(statementId, e.table(), e.reason(), e);
    }
  }

  // the logger is looked up when needed: one bound when the class loaded would ignore a logImpl set afterwards
  private static final class LogNotes implements RewriteCache.Notes {
    @Override
    public void rewritten(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables,
        RewriteResult result) {
      Log log = LogFactory.getLog(SqlCache.class);
      if (!log.isDebugEnabled()) {
        return;
      }
      String left = result.leftAsWrittenNote();
      String where = "softdelete: statement '" + statementId + "' in mode " + mode
          + (tables.isEmpty() ? "" : " and " + tables);
      if (!result.changed()) {
        if (left != null) {
          log.debug(where + ": " + left + ": " + sql);
        }
        return;
      }
      log.debug(where + ": original SQL: " + sql
          + " | rewritten SQL: " + result.sql() + (left == null ? "" : " | " + left));
    }

    @Override
    public void passedUnreadable(String statementId, String sql, RewriteRefusedException refusal) {
      LogFactory.getLog(SqlCache.class).warn("softdelete: statement '" + statementId + "' runs unchanged"
          + " (onUnparseableSelect=warn): " + refusal.getMessage());
    }

    /** mode=observe: runs nothing differently, says once per statement text what enforce would do. */
    @Override
    public void observed(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables,
        RewriteResult result, RewriteRefusedException refusal) {
      String where = "softdelete (observe): statement '" + statementId + "'"
          + (mode == SoftDeleteMode.DEFAULT ? "" : " in mode " + mode) + (tables.isEmpty() ? "" : " in " + tables);
      Log log = LogFactory.getLog(SqlCache.class);
      if (refusal != null) {
        log.warn(where + " would be refused: " + refusal.getMessage() + " | SQL: " + oneLine(sql));
        return;
      }
      String left = result.leftAsWrittenNote();
      if (result.changed()) {
        log.warn(where + " would run as: " + oneLine(result.sql()) + " | instead of: " + oneLine(sql)
            + (left == null ? "" : " | " + left));
      } else if (left != null) {
        log.warn(where + " " + left + " | SQL: " + oneLine(sql));
      }
    }

    private static String oneLine(String sql) {
      return sql.strip().replaceAll("\\s+", " ");
    }
  }
}
