package io.github.softdelete.mybatis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;

/** The rewrite through the shape cache against the rewrite of the full text: they must be the same. */
final class ShapeComparison {
  private ShapeComparison() {}

  /**
   * The rewrite grown from the statement's shape, or {@code null} when it was not grown (the statement has no
   * shape, names no soft table, or its full text is refused); fails when the grown rewrite differs from the
   * full text's in its string, bindings, cascade statements or anything else.
   */
  static RewriteResult grownAsFullText(ShapeCache shapes, SqlRewriter rewriter, String sql, SoftDeleteMode mode) {
    RewriteResult expected;
    try {
      expected = rewriter.rewrite(sql, mode);
    } catch (RewriteRefusedException refused) {
      assertThat(shapes.resultFor(sql, mode)).as("refused: %s", sql).isNull();
      return null;
    }
    RewriteResult grown = shapes.resultFor(sql, mode);
    if (grown == null) {
      // no answer only where there is no shape, or the statement (or its shape) names no soft table
      StatementShape shape = StatementShape.of(sql, rewriter.markerAndAuditColumns());
      assertThat(shape == null || !rewriter.mayTouchSoftTable(sql) || !rewriter.mayTouchSoftTable(shape.canonical()))
          .as("no answer for a shape: %s", sql).isTrue();
      return null;
    }
    assertThat(grown.sql()).as(sql).isEqualTo(expected.sql());
    assertThat(grown.changed()).as(sql).isEqualTo(expected.changed());
    assertThat(grown.bindings()).as(sql).isEqualTo(expected.bindings());
    assertThat(grown.before()).as(sql).isEqualTo(expected.before());
    assertThat(grown.table()).as(sql).isEqualTo(expected.table());
    assertThat(grown.leftAsWritten()).as(sql).isEqualTo(expected.leftAsWritten());
    if (!expected.changed()) {
      assertThat(grown.sql()).as(sql).isSameAs(sql);
    }
    return grown;
  }
}
