package io.github.softdelete.mybatis.engine;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.PlannedStatement;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code explain}: what the interceptor runs for a statement in each mode, without a database, read from the
 * same engine and the same cache policy the interceptor builds ({@link EngineFactory}). The statement is taken
 * as mapped by its own kind (a DELETE as {@code <delete>}) and without {@code <selectKey>}.
 */
public final class Explain {
  private Explain() {}

  /**
   * @param dialect the database's, which decides only how upserts are converted ({@link Dialect#UNKNOWN}:
   *     refused, as the interceptor does where it cannot tell the database)
   * @throws IllegalStateException when the configuration needs a database (detected tables, a marker whose
   *     values follow its column's type)
   */
  public static Map<SoftDeleteMode, Explanation> of(EngineFactory engines, Dialect dialect, String sql) {
    Notes notes = new Notes();
    RewriteCache cache = engines.cache(engines.rewriterWithoutDatabase(dialect), notes);
    Map<SoftDeleteMode, Explanation> byMode = new EnumMap<>(SoftDeleteMode.class);
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      notes.note = null;
      byMode.put(mode, explanation(cache, sql, mode, notes));
    }
    return byMode;
  }

  private static Explanation explanation(RewriteCache cache, String sql, SoftDeleteMode mode, Notes notes) {
    RewriteResult result;
    try {
      result = cache.resultFor("explain", sql, mode);
    } catch (RewriteRefusedException e) {
      return new Explanation(List.of(), null, e.getMessage());
    }
    if (result == null) {
      return new Explanation(List.of(sql), notes.note != null ? notes.note : "unchanged", null);
    }
    List<String> statements = new ArrayList<>();
    for (PlannedStatement before : result.before()) {
      statements.add(before.sql());
    }
    statements.add(result.sql());
    return new Explanation(statements, result.leftAsWrittenNote(), null);
  }

  /**
   * One line per mode ({@code default:         <SQL>}), a cascade's further statements on lines of their own
   * ({@code then <SQL>}), the note in parentheses after the last, or {@code refused: <why>}.
   */
  public static String text(Map<SoftDeleteMode, Explanation> byMode) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<SoftDeleteMode, Explanation> entry : byMode.entrySet()) {
      String label = entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-') + ":";
      Explanation explanation = entry.getValue();
      if (explanation.refusal() != null) {
        out.append(String.format("%-16s %s%n", label, "refused: " + explanation.refusal()));
        continue;
      }
      List<String> statements = explanation.statements();
      for (int i = 0; i < statements.size(); i++) {
        String line = (i == 0 ? "" : "then ") + statements.get(i)
            + (i == statements.size() - 1 && explanation.note() != null ? "   (" + explanation.note() + ")" : "");
        out.append(String.format("%-16s %s%n", i == 0 ? label : "", line));
      }
    }
    return out.toString();
  }

  /** What the cache's policy said of the statement, where it runs as written. */
  private static final class Notes implements RewriteCache.Notes {
    String note;

    @Override
    public void rewritten(String statementId, String sql, SoftDeleteMode mode, RewriteResult result) {
      note = result.changed() ? null : result.leftAsWrittenNote();
    }

    @Override
    public void passedUnreadable(String statementId, String sql, RewriteRefusedException refusal) {
      note = "runs unchanged (onUnparseableSelect=warn): " + refusal.getMessage();
    }

    @Override
    public void observed(String statementId, String sql, SoftDeleteMode mode, RewriteResult result,
        RewriteRefusedException refusal) {
      note = "mode=observe: runs as written; " + (refusal != null ? "would be refused: " + refusal.getMessage()
          : result.changed() ? "would run as: " + result.sql()
          : result.leftAsWrittenNote() != null ? result.leftAsWrittenNote() : "unchanged");
    }
  }
}
