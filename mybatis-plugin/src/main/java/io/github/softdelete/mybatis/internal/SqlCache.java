package io.github.softdelete.mybatis.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * parsed again on every call.
 */
final class SqlCache {

  private final SqlRewriter rewriter;
  private final boolean warnOnUnparseableSelect;
  // one cache per mode, so that a lookup is keyed by the SQL string alone: no (mode, sql) object per call
  private final Map<SoftDeleteMode, Cache<String, Outcome>> byMode = new EnumMap<>(SoftDeleteMode.class);

  SqlCache(SqlRewriter rewriter, int maximumSize, boolean warnOnUnparseableSelect) {
    this.rewriter = rewriter;
    this.warnOnUnparseableSelect = warnOnUnparseableSelect;
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      byMode.put(mode, Caffeine.newBuilder().maximumSize(maximumSize).build());
    }
  }

  /**
   * The SQL to run for {@code sql} in {@code mode}: {@code sql} itself (the same instance) when nothing
   * changes.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  String sqlFor(String statementId, String sql, SoftDeleteMode mode) {
    Outcome outcome = byMode.get(mode).get(sql, s -> rewrite(statementId, s, mode));
    if (outcome.refusal != null) {
      RewriteRefusedException e = outcome.refusal;
      throw SoftDeleteException.refused(statementId, e.table(), e.reason(), e);
    }
    return outcome.sql == null ? sql : outcome.sql;
  }

  /** How many statements {@code mode} keeps, after pending evictions: the bound on this cache's memory. */
  long cachedStatements(SoftDeleteMode mode) {
    Cache<String, Outcome> cache = byMode.get(mode);
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private Outcome rewrite(String statementId, String sql, SoftDeleteMode mode) {
    try {
      RewriteResult result = rewriter.rewrite(sql, mode);
      return result.changed() ? new Outcome(result.sql(), null) : Outcome.UNCHANGED;
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

  /** Exactly one of the fields is set, or neither when the statement runs unchanged. */
  private record Outcome(String sql, RewriteRefusedException refusal) {
    // sql == null rather than the input: the caller's own String is handed back, not the first one cached
    static final Outcome UNCHANGED = new Outcome(null, null);
  }
}
