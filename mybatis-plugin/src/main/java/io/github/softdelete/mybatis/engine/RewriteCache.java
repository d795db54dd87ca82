package io.github.softdelete.mybatis.engine;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The engine's answers for one set of soft tables, bounded and cached per mode and per scope of tables
 * ({@code IncludeDeleted.tables(...)}; refusals too, so that a refused statement is not parsed again on every
 * call), and the configuration's policy on what runs: in
 * {@code mode=observe} every statement as written, with {@code onUnparseableSelect=warn} a SELECT the parser
 * cannot read as written. What a miss decides is told once to {@link Notes}, which logs it.
 *
 * <p>A miss on a statement with a long IN-list, multi-row VALUES or {@code ${}} literals is answered from its
 * shape ({@link ShapeCache}): a {@code <foreach>} of a new length or a new literal costs no parse, and the answer
 * is the one its own text would give.
 */
public final class RewriteCache {
  private final SqlRewriter rewriter;
  private final boolean warnOnUnparseableSelect;
  private final boolean observe;
  private final Notes notes;
  private final Meters meters;
  // one cache per mode, so that a lookup is keyed by the SQL string alone: no (mode, sql) object per call
  private final Map<SoftDeleteMode, Cache<String, Outcome>> byMode = new EnumMap<>(SoftDeleteMode.class);
  // inside a scope of tables: one cache for every (mode, tables) together, with the same bound
  private final Cache<Scoped, Outcome> scoped;
  // a miss on a statement whose shape another text has had is grown from that rewrite, unparsed
  private final ShapeCache shapes;

  RewriteCache(SqlRewriter rewriter, int maximumSize, boolean warnOnUnparseableSelect, boolean observe,
      Notes notes, Meters meters) {
    this.rewriter = rewriter;
    this.warnOnUnparseableSelect = warnOnUnparseableSelect;
    this.observe = observe;
    this.notes = notes;
    this.shapes = new ShapeCache(rewriter, maximumSize);
    this.meters = meters;
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      byMode.put(mode, Caches.upkeepOnCallingThread().maximumSize(maximumSize).build());
    }
    this.scoped = Caches.upkeepOnCallingThread().maximumSize(maximumSize).build();
    meters.cacheCreated(this);
  }

  /**
   * What a miss decided, told once per statement text and mode (the outcome is cached), with the id of the
   * statement that asked first. SQL text only, never parameter values.
   */
  public interface Notes {
    /** Tells nothing. */
    Notes NONE = new Notes() {};

    /**
     * The engine's answer, which runs: changed, or unchanged with references left as written; {@code tables}
     * the scope's, {@link IncludeDeleted.Tables#isEmpty() empty} outside one.
     */
    default void rewritten(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables,
        RewriteResult result) {}

    /** {@code onUnparseableSelect=warn}: a SELECT the parser cannot read runs as written. */
    default void passedUnreadable(String statementId, String sql, RewriteRefusedException refusal) {}

    /**
     * {@code mode=observe}: the statement runs as written; {@code result} is what would run otherwise, or
     * {@code refusal} why it would be refused (exactly one is set).
     */
    default void observed(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables,
        RewriteResult result, RewriteRefusedException refusal) {}
  }

  /**
   * The engine's whole answer for {@code sql} in {@code mode} (SQL, parameter sources, cascade statements),
   * or {@code null} when the statement runs as written.
   *
   * @throws RewriteRefusedException the cached refusal, when the engine refuses the statement
   */
  public RewriteResult resultFor(String statementId, String sql, SoftDeleteMode mode) {
    Cache<String, Outcome> cache = byMode.get(mode);
    Outcome outcome = cache.getIfPresent(sql);
    if (outcome == null) {
      // the capturing lambda is made on a miss only
      outcome = cache.get(sql, s -> timed(statementId, s, mode, IncludeDeleted.Tables.none()));
    } else {
      meters.cacheHit();
    }
    return answer(outcome);
  }

  /**
   * The engine's answer for {@code sql} in {@code mode} inside a scope of {@code tables}; as
   * {@link #resultFor(String, String, SoftDeleteMode)} when {@code tables} is empty.
   *
   * @throws RewriteRefusedException the cached refusal, when the engine refuses the statement
   */
  public RewriteResult resultFor(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    if (tables.isEmpty()) {
      return resultFor(statementId, sql, mode);
    }
    Outcome outcome = scoped.get(new Scoped(mode, tables, sql), key -> decide(statementId, sql, mode, tables));
    return answer(outcome);
  }

  private static RewriteResult answer(Outcome outcome) {
    if (outcome.refusal != null) {
      throw outcome.refusal;
    }
    return outcome.result;
  }

  /**
   * How many answers are held, all modes and scopes of tables together, statement shapes included, after
   * pending evictions: for the memory benchmark.
   */
  public long size() {
    long size = shapes.size();
    for (SoftDeleteMode mode : byMode.keySet()) {
      size += cachedStatements(mode);
    }
    scoped.cleanUp();
    return size + scoped.estimatedSize();
  }

  /** How many statements {@code mode} keeps, after pending evictions: the bound on this cache's memory. */
  public long cachedStatements(SoftDeleteMode mode) {
    Cache<String, Outcome> cache = byMode.get(mode);
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private Outcome timed(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    long start = System.nanoTime();
    try {
      return decide(statementId, sql, mode, tables);
    } finally {
      meters.cacheMiss(System.nanoTime() - start);
    }
  }

  private Outcome decide(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    if (observe) {
      return observed(statementId, sql, mode, tables);
    }
    try {
      // the shapes are kept outside scopes of tables only, where by far the most statements run
      RewriteResult result = tables.isEmpty() ? shapes.resultFor(sql, mode) : null;
      if (result == null) {
        result = rewriter.rewrite(sql, mode, tables);
      }
      notes.rewritten(statementId, sql, mode, tables, result);
      return result.changed() ? new Outcome(result, null) : Outcome.UNCHANGED;
    } catch (RewriteRefusedException e) {
      if (warnOnUnparseableSelect && UnparseableSelects.mayPass(sql, e)) {
        notes.passedUnreadable(statementId, sql, e);
        return Outcome.UNCHANGED;
      }
      return new Outcome(null, e);
    }
  }

  private Outcome observed(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    try {
      notes.observed(statementId, sql, mode, tables, rewriter.rewrite(sql, mode, tables), null);
    } catch (RewriteRefusedException e) {
      notes.observed(statementId, sql, mode, tables, null, e);
    }
    return Outcome.UNCHANGED;
  }

  /** The key of an answer inside a scope of tables. */
  private record Scoped(SoftDeleteMode mode, IncludeDeleted.Tables tables, String sql) {}

  /** Exactly one of the fields is set, or neither when the statement runs unchanged. */
  private record Outcome(RewriteResult result, RewriteRefusedException refusal) {
    // result == null rather than the input: the caller's own String is handed back, not the first one cached
    static final Outcome UNCHANGED = new Outcome(null, null);
  }
}
