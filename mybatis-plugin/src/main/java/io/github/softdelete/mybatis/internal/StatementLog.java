package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.RewriteCache;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import org.apache.ibatis.logging.Log;
import org.apache.ibatis.logging.LogFactory;

/**
 * What MyBatis's log says of each statement text, once per mode and scope of tables, under this class's name:
 * the rewrite at debug level, and at warn level what {@code mode=observe} and {@code onUnparseableSelect=warn}
 * let run unchanged.
 */
final class StatementLog implements RewriteCache.Notes {
  /** The one instance: it holds nothing. */
  static final StatementLog INSTANCE = new StatementLog();

  private StatementLog() {}

  // each note looks the logger up: one bound when the class loaded would ignore a logImpl set afterwards

  @Override
  public void rewritten(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables,
      RewriteResult result) {
    Log log = LogFactory.getLog(StatementLog.class);
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
    LogFactory.getLog(StatementLog.class).warn("softdelete: statement '" + statementId + "' runs unchanged"
        + " (onUnparseableSelect=warn): " + refusal.getMessage());
  }

  /** mode=observe: runs nothing differently, says once per statement text what enforce would do. */
  @Override
  public void observed(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables,
      RewriteResult result, RewriteRefusedException refusal) {
    String where = "softdelete (observe): statement '" + statementId + "'"
        + (mode == SoftDeleteMode.DEFAULT ? "" : " in mode " + mode) + (tables.isEmpty() ? "" : " in " + tables);
    Log log = LogFactory.getLog(StatementLog.class);
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
