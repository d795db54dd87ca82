package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;

/** Placeholder while the engine is written: the real class replaces this file. */
public final class SqlRewriter {
  private final SoftTables tables;
  private final SoftDeleteMarker marker;

  public SqlRewriter(SoftTables tables, SoftDeleteMarker marker) {
    this.tables = tables;
    this.marker = marker;
  }

  /**
   * @throws RewriteRefusedException when the statement touches a soft table and cannot be run with certainty
   */
  public RewriteResult rewrite(String sql, SoftDeleteMode mode) {
    return RewriteResult.unchanged(sql);
  }
}
