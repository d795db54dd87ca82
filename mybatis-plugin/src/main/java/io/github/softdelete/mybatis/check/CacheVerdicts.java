package io.github.softdelete.mybatis.check;

import io.github.softdelete.mybatis.SoftDeleteCheck.Outcome;
import io.github.softdelete.mybatis.SoftDeleteCheck.Verdict;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.engine.RewriteCache;
import io.github.softdelete.mybatis.internal.StatementRules;
import io.github.softdelete.mybatis.rewrite.PlannedStatement;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.executor.keygen.SelectKeyGenerator;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;

/**
 * Verdicts read from a {@link RewriteCache}, as the interceptor reads it: the cache's policy ({@code mode=observe},
 * {@code onUnparseableSelect=warn}) and then the rules of how MyBatis runs the statement ({@link StatementRules}).
 */
public final class CacheVerdicts implements Verdicts {
  private final RewriteCache cache;
  // what each miss decided, kept by SQL text and mode; null when the cache tells someone else (the interceptor's log)
  private final Memo memo;

  private CacheVerdicts(RewriteCache cache, Memo memo) {
    this.cache = cache;
    this.memo = memo;
  }

  /** Over a cache of its own, which tells it what runs as written and why. */
  public static CacheVerdicts fresh(EngineFactory engines, SqlRewriter rewriter) {
    Memo memo = new Memo();
    return new CacheVerdicts(engines.cache(rewriter, memo), memo);
  }

  /**
   * Over the interceptor's own cache, which this fills: refusals are told exactly; what runs as written is
   * {@code unchanged}, without the reason the cache logs itself.
   */
  public static CacheVerdicts over(RewriteCache cache) {
    return new CacheVerdicts(cache, null);
  }

  @Override
  public Decision decide(MappedStatement ms, String sql, SoftDeleteMode mode) {
    RewriteResult result;
    try {
      result = cache.resultFor(ms.getId(), sql, mode);
    } catch (RewriteRefusedException e) {
      return refused(e);
    }
    Noted noted = memo == null ? null : memo.get(mode, sql);
    if (noted != null && noted.observed) {
      // mode=observe runs it as written: the report says what enforce would do, which is what observe is for
      Decision enforced = noted.refusal != null ? refused(noted.refusal) : ofResult(ms, sql, noted.result);
      Verdict verdict = enforced.verdict();
      return new Decision(new Verdict(verdict.outcome(), verdict.runs(),
          join(verdict.note(), "mode=observe: runs as written")), enforced.unreadable());
    }
    if (result == null) {
      if (noted != null && noted.passedUnreadable != null) {
        return new Decision(new Verdict(Outcome.LEFT_AS_WRITTEN, List.of(sql),
            "runs unchanged (onUnparseableSelect=warn): " + noted.passedUnreadable.getMessage()), false);
      }
      return ofResult(ms, sql, noted == null ? null : noted.result);
    }
    return ofResult(ms, sql, result);
  }

  private static Decision ofResult(MappedStatement ms, String sql, RewriteResult result) {
    if (result == null || !result.changed()) {
      String left = result == null ? null : result.leftAsWrittenNote();
      return new Decision(new Verdict(left == null ? Outcome.UNCHANGED : Outcome.LEFT_AS_WRITTEN, List.of(sql), left),
          false);
    }
    String rule = ms.getSqlCommandType() == SqlCommandType.SELECT ? StatementRules.asQuery(result)
        : ms.getKeyGenerator() instanceof SelectKeyGenerator ? StatementRules.withSelectKey(result) : null;
    if (rule != null) {
      return new Decision(new Verdict(Outcome.REFUSED, List.of(), "table '" + result.table() + "': " + rule), false);
    }
    List<String> runs = new ArrayList<>();
    for (PlannedStatement before : result.before()) {
      runs.add(before.sql());
    }
    runs.add(result.sql());
    return new Decision(new Verdict(Outcome.REWRITTEN, runs, result.leftAsWrittenNote()), false);
  }

  private static Decision refused(RewriteRefusedException e) {
    return new Decision(new Verdict(Outcome.REFUSED, List.of(), e.getMessage()), e.unreadable());
  }

  private static String join(String note, String more) {
    return note == null ? more : note + "; " + more;
  }

  /** What one miss decided. */
  private record Noted(RewriteResult result, RewriteRefusedException refusal, RewriteRefusedException passedUnreadable,
      boolean observed) {}

  /** Keeps what the cache tells of each miss, by mode and SQL text: a later statement with the same text hits. */
  private static final class Memo implements RewriteCache.Notes {
    private final Map<SoftDeleteMode, Map<String, Noted>> byMode = new EnumMap<>(SoftDeleteMode.class);

    Noted get(SoftDeleteMode mode, String sql) {
      Map<String, Noted> bySql = byMode.get(mode);
      return bySql == null ? null : bySql.get(sql);
    }

    private void put(SoftDeleteMode mode, String sql, Noted noted) {
      byMode.computeIfAbsent(mode, m -> new HashMap<>()).put(sql, noted);
    }

    @Override
    public void rewritten(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables,
        RewriteResult result) {
      // the check asks outside any scope of tables
      put(mode, sql, new Noted(result, null, null, false));
    }

    @Override
    public void passedUnreadable(String statementId, String sql, RewriteRefusedException refusal) {
      // told without a mode: it holds in every mode the SELECT is asked in, all of which pass it the same way
      for (SoftDeleteMode mode : SoftDeleteMode.values()) {
        if (get(mode, sql) == null) {
          put(mode, sql, new Noted(null, null, refusal, false));
        }
      }
    }

    @Override
    public void observed(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables,
        RewriteResult result, RewriteRefusedException refusal) {
      put(mode, sql, new Noted(result, refusal, null, true));
    }
  }
}
