package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.Meters;
import io.github.softdelete.mybatis.engine.RewriteCache;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;

/**
 * The engine's cached answers as MyBatis meets them: a refusal becomes a {@link SoftDeleteException} naming
 * the statement. What each miss decided goes to MyBatis's log through {@link StatementLog}.
 */
final class EngineAnswers {
  private final RewriteCache answers;
  private final Meters meters;

  EngineAnswers(RewriteCache answers, Meters meters) {
    this.answers = answers;
    this.meters = meters;
  }

  /** The meters this cache's statements are counted on. */
  Meters meters() {
    return meters;
  }

  /** The cache itself, with refusals as the engine gives them. */
  RewriteCache answers() {
    return answers;
  }

  /**
   * The engine's whole answer for {@code sql} in {@code mode} (SQL, parameter sources, cascade statements),
   * or {@code null} when nothing changes.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  RewriteResult resultFor(String statementId, String sql, SoftDeleteMode mode) {
    return resultFor(statementId, sql, mode, IncludeDeleted.Tables.none());
  }

  /**
   * As {@link #resultFor(String, String, SoftDeleteMode)}, inside a scope of {@code tables} (already narrowed to
   * the ones that matter: {@link ScopedTables}).
   */
  RewriteResult resultFor(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    try {
      return answers.resultFor(statementId, sql, mode, tables);
    } catch (RewriteRefusedException e) {
      meters.refused(statementId);
      throw SoftDeleteException.refused(statementId, e.table(), e.reason(), e);
    }
  }
}
