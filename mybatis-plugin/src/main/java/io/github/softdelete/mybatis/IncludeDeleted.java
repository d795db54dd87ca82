package io.github.softdelete.mybatis;

import java.util.function.Supplier;

/**
 * Runs code with soft-deleted rows visible and updatable everywhere.
 *
 * <p>No filter is added to any statement, so a restore is an ordinary update run in this scope:
 * {@code IncludeDeleted.run(() -> mapper.restore(id))} with {@code UPDATE users SET deleted_at = NULL WHERE id = #{id}}.
 * A DELETE still marks rows instead of erasing them.
 *
 * <p>Scopes are per thread and nest: the innermost wins, and the previous mode is restored when the body
 * returns or throws.
 */
public final class IncludeDeleted {
  private IncludeDeleted() {}

  /** Runs {@code body} in this scope. */
  public static void run(Runnable body) {
    ScopeEntries.entered(SoftDeleteMode.INCLUDE_DELETED);
    ModeHolder.within(SoftDeleteMode.INCLUDE_DELETED, body);
  }

  /** Runs {@code body} in this scope and returns what it returns. */
  public static <T> T get(Supplier<T> body) {
    ScopeEntries.entered(SoftDeleteMode.INCLUDE_DELETED);
    return ModeHolder.within(SoftDeleteMode.INCLUDE_DELETED, body);
  }
}
