package io.github.softdelete.mybatis.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import org.apache.ibatis.logging.Log;
import org.apache.ibatis.logging.LogFactory;

/**
 * The engine's answers for one set of soft tables, cached: refusals too, so that a refused statement is not
 * parsed again on every call.
 */
final class SqlCache {
  private static final Log LOG = LogFactory.getLog(SqlCache.class);

  private final SqlRewriter rewriter;
  private final boolean warnOnUnparseableSelect;
  // one cache per mode, indexed by ordinal, so that a lookup needs no composite key object
  private final Cache<String, Outcome>[] byMode;

  @SuppressWarnings("unchecked")
  SqlCache(SqlRewriter rewriter, int maximumSize, boolean warnOnUnparseableSelect) {
    this.rewriter = rewriter;
    this.warnOnUnparseableSelect = warnOnUnparseableSelect;
    SoftDeleteMode[] modes = SoftDeleteMode.values();
    this.byMode = new Cache[modes.length];
    for (SoftDeleteMode mode : modes) {
      byMode[mode.ordinal()] = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }
  }

  /**
   * The SQL to run for {@code sql} in {@code mode}: {@code sql} itself (the same instance) when nothing
   * changes.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  String sqlFor(String statementId, String sql, SoftDeleteMode mode) {
    Outcome outcome = byMode[mode.ordinal()].get(sql, s -> rewrite(statementId, s, mode));
    if (outcome.refusal != null) {
      RewriteRefusedException e = outcome.refusal;
      throw SoftDeleteException.refused(statementId, e.table(), e.reason(), e);
    }
    return outcome.sql == null ? sql : outcome.sql;
  }

  private Outcome rewrite(String statementId, String sql, SoftDeleteMode mode) {
    try {
      RewriteResult result = rewriter.rewrite(sql, mode);
      return result.changed() ? new Outcome(result.sql(), null) : Outcome.UNCHANGED;
    } catch (RewriteRefusedException e) {
      if (warnOnUnparseableSelect && UnparseableSelects.mayPass(sql, e)) {
        // logged once per statement text: the outcome is cached
        LOG.warn("softdelete: statement '" + statementId + "' runs unchanged (onUnparseableSelect=warn): "
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
