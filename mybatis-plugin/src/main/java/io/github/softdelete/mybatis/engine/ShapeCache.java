package io.github.softdelete.mybatis.engine;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rewrites of statement shapes ({@link StatementShape}), per mode: a {@code <foreach>} IN-list of any
 * length is parsed once, as its shape, and each length is grown back from that rewrite. A shape the engine
 * refuses gives no answer, so that the statement's own text is rewritten and refused with its own reason.
 */
final class ShapeCache {
  // a refused shape: the statement is rewritten from its text
  private static final RewriteResult NO_ANSWER = new RewriteResult("", false);

  private final SqlRewriter rewriter;
  private final Map<SoftDeleteMode, Cache<String, RewriteResult>> byMode = new EnumMap<>(SoftDeleteMode.class);

  ShapeCache(SqlRewriter rewriter, int maximumSize) {
    this.rewriter = rewriter;
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      byMode.put(mode, Caches.upkeepOnCallingThread().maximumSize(maximumSize).build());
    }
  }

  /**
   * The rewrite of {@code sql} in {@code mode} grown from its shape's, the same as {@code rewriter.rewrite(sql,
   * mode)} gives; {@code null} when {@code sql} has no shape of its own or its shape gives no answer.
   */
  RewriteResult resultFor(String sql, SoftDeleteMode mode) {
    StatementShape shape = StatementShape.of(sql);
    if (shape == null) {
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
