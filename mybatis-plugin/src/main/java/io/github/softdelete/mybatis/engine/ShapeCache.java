package io.github.softdelete.mybatis.engine;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The rewrites of statement shapes ({@link StatementShape}), per mode: a {@code <foreach>} IN-list or VALUES
 * rows of any length, and a {@code ${}} literal of any value, are parsed once, as their shape, and each
 * statement is grown back from that rewrite. A shape the engine refuses gives no answer, so that the
 * statement's own text is rewritten and refused with its own reason. A statement that names no soft table
 * never comes here: its rewrite is itself, unparsed.
 */
final class ShapeCache {
  // a refused shape: the statement is rewritten from its text
  private static final RewriteResult NO_ANSWER = new RewriteResult("", false);

  private final SqlRewriter rewriter;
  // a statement naming one of them keeps its literals: the rules read or write these columns' values
  private final Set<String> markerColumns;
  private final Map<SoftDeleteMode, Cache<String, RewriteResult>> byMode = new EnumMap<>(SoftDeleteMode.class);

  ShapeCache(SqlRewriter rewriter, int maximumSize) {
    this.rewriter = rewriter;
    this.markerColumns = rewriter.markerAndAuditColumns();
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      byMode.put(mode, Caches.upkeepOnCallingThread().maximumSize(maximumSize).build());
    }
  }

  /**
   * The rewrite of {@code sql} in {@code mode} grown from its shape's, the same as {@code rewriter.rewrite(sql,
   * mode)} gives; {@code null} when {@code sql} has no shape of its own or its shape gives no answer.
   */
  RewriteResult resultFor(String sql, SoftDeleteMode mode) {
    if (!rewriter.mayTouchSoftTable(sql)) {
      return null;
    }
    StatementShape shape = StatementShape.of(sql, markerColumns);
    if (shape == null || shape.hasLiterals() && !rewriter.mayTouchSoftTable(shape.canonical())) {
      // a soft table's name in a literal: the text itself is parsed, as the engine would
      return null;
    }
    RewriteResult ofShape = byMode.get(mode).get(shape.canonical(), canonical -> rewriteOrNoAnswer(canonical, mode));
    return ofShape == NO_ANSWER ? null : ShapeExpansion.expand(shape, sql, ofShape);
  }

  private RewriteResult rewriteOrNoAnswer(String canonical, SoftDeleteMode mode) {
    try {
      return rewriter.rewrite(canonical, mode);
    } catch (RewriteRefusedException e) {
      return NO_ANSWER;
    }
  }

  /** How many shapes are held, all modes together, after pending evictions. */
  long size() {
    long size = 0;
    for (Cache<String, RewriteResult> cache : byMode.values()) {
      cache.cleanUp();
      size += cache.estimatedSize();
    }
    return size;
  }
}
