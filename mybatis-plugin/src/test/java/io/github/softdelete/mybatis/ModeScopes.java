package io.github.softdelete.mybatis;

import org.apache.ibatis.exceptions.PersistenceException;

/** For tests that run one statement in every mode: the scope of a mode, and the refusal MyBatis wrapped. */
public final class ModeScopes {
  private ModeScopes() {}

  /** Runs {@code body} in the scope that gives {@code mode}. */
  public static void inMode(SoftDeleteMode mode, Runnable body) {
    switch (mode) {
      case DEFAULT -> body.run();
      case INCLUDE_DELETED -> IncludeDeleted.run(body);
      case ONLY_DELETED -> OnlyDeleted.run(body);
      case HARD_DELETE -> HardDelete.run(body);
      case UNDELETE -> Undelete.run(body);
    }
  }

  /** softdelete's refusal behind {@code e} (itself, or the cause MyBatis wrapped), or {@code null}. */
  public static SoftDeleteException refusalIn(PersistenceException e) {
    if (e instanceof SoftDeleteException refusal) {
      return refusal;
    }
    return e.getCause() instanceof SoftDeleteException refusal ? refusal : null;
  }
}
