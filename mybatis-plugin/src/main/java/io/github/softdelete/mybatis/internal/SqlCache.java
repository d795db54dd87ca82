package io.github.softdelete.mybatis.internal;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.EnumMap;
import java.util.Map;
import org.apache.ibatis.logging.Log;
import org.apache.ibatis.logging.LogFactory;

/**
 * The engine's answers for one set of soft tables, cached: refusals too, so that a refused statement is not
 * parsed again on every call. Public for the project's own tools (the memory benchmark); not API.
 */
public final class SqlCache {

  private final SqlRewriter rewriter;
  private final boolean warnOnUnparseableSelect;
  private final boolean observe;
  // one cache per mode, so that a lookup is keyed by the SQL string alone: no (mode, sql) object per call
  private final Map<SoftDeleteMode, Cache<String, Outcome>> byMode = new EnumMap<>(SoftDeleteMode.class);

  public SqlCache(SqlRewriter rewriter, int maximumSize, boolean warnOnUnparseableSelect, boolean observe) {
    this.rewriter = rewriter;
    this.warnOnUnparseableSelect = warnOnUnparseableSelect;
    this.observe = observe;
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      byMode.put(mode, Caches.upkeepOnCallingThread().maximumSize(maximumSize).build());
    }
  }

  /**
   * The SQL to run for {@code sql} in {@code mode}: {@code sql} itself (the same instance) when nothing
   * changes.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  public String sqlFor(String statementId, String sql, SoftDeleteMode mode) {
    RewriteResult result = resultFor(statementId, sql, mode);
    return result == null ? sql : result.sql();
  }

  /**
   * The engine's whole answer for {@code sql} in {@code mode} (SQL, parameter sources, cascade statements),
   * or {@code null} when nothing changes.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  RewriteResult resultFor(String statementId, String sql, SoftDeleteMode mode) {
    Cache<String, Outcome> cache = byMode.get(mode);
    Outcome outcome = cache.getIfPresent(sql);
    if (outcome == null) {
      // the capturing lambda is made on a miss only
      outcome = cache.get(sql, s -> rewrite(statementId, s, mode));
    }
    if (outcome.refusal != null) {
      RewriteRefusedException e = outcome.refusal;
      throw SoftDeleteException.refused(statementId, e.table(), e.reason(), e);
    }
    return outcome.result;
  }

  /** How many answers are held, all modes together, after pending evictions: for the memory benchmark. */
  public long size() {
    long size = 0;
    for (SoftDeleteMode mode : byMode.keySet()) {
      size += cachedStatements(mode);
    }
    return size;
  }

  /** How many statements {@code mode} keeps, after pending evictions: the bound on this cache's memory. */
  long cachedStatements(SoftDeleteMode mode) {
    Cache<String, Outcome> cache = byMode.get(mode);
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private Outcome rewrite(String statementId, String sql, SoftDeleteMode mode) {
    if (observe) {
      return observed(statementId, sql, mode);
    }
    try {
      RewriteResult result = rewriter.rewrite(sql, mode);
      // once per statement text and mode (the outcome is cached); SQL text only, never parameter values
      Log log = LogFactory.getLog(SqlCache.class);
      String left = result.leftAsWrittenNote();
      if (!result.changed()) {
        if (left != null && log.isDebugEnabled()) {
          log.debug("softdelete: statement '" + statementId + "' in mode " + mode + ": " + left + ": " + sql);
        }
        return Outcome.UNCHANGED;
      }
      if (log.isDebugEnabled()) {
        log.debug("softdelete: statement '" + statementId + "' in mode " + mode + ": original SQL: " + sql
            + " | rewritten SQL: " + result.sql() + (left == null ? "" : " | " + left));
      }
      return new Outcome(result, null);
    } catch (RewriteRefusedException e) {
      if (warnOnUnparseableSelect && UnparseableSelects.mayPass(sql, e)) {
        // logged once per statement text: the outcome is cached
        // looked up when needed: a logger bound when the class loaded would ignore a logImpl set afterwards
        Log log = LogFactory.getLog(SqlCache.class);
        log.warn("softdelete: statement '" + statementId + "' runs unchanged (onUnparseableSelect=warn): "
            + e.getMessage());
        return Outcome.UNCHANGED;
      }
      return new Outcome(null, e);
    }
  }

  /** mode=observe: runs nothing differently, says once per statement text what enforce would do. */
  private Outcome observed(String statementId, String sql, SoftDeleteMode mode) {
    String where = "softdelete (observe): statement '" + statementId + "'"
        + (mode == SoftDeleteMode.DEFAULT ? "" : " in mode " + mode);
    try {
      RewriteResult result = rewriter.rewrite(sql, mode);
      String left = result.leftAsWrittenNote();
      if (result.changed()) {
        LogFactory.getLog(SqlCache.class).warn(where + " would run as: " + oneLine(result.sql()) + " | instead of: " + oneLine(sql)
            + (left == null ? "" : " | " + left));
      } else if (left != null) {
        LogFactory.getLog(SqlCache.class).warn(where + " " + left + " | SQL: " + oneLine(sql));
      }
    } catch (RewriteRefusedException e) {
      LogFactory.getLog(SqlCache.class).warn(where + " would be refused: " + e.getMessage() + " | SQL: " + oneLine(sql));
    }
    return Outcome.UNCHANGED;
  }

  private static String oneLine(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }

  /** Exactly one of the fields is set, or neither when the statement runs unchanged. */
  private record Outcome(RewriteResult result, RewriteRefusedException refusal) {
    // result == null rather than the input: the caller's own String is handed back, not the first one cached
    static final Outcome UNCHANGED = new Outcome(null, null);
  }
}
