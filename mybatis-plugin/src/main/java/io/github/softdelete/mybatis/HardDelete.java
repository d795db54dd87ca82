package io.github.softdelete.mybatis;

import java.util.function.Supplier;

/**
 * Runs code whose DELETE and TRUNCATE statements really erase rows
 *
 * <p> purges, erasure requests.:Every other filter stays: SELECTs still hide deleted rows, and subqueries inside the DELETE are filtered.
 *
 * <p>Scopes are per thread and nest: the innermost wins, and the previous mode is restored when the body
 * returns or throws.
 */
public final class HardDelete {
  private HardDelete() {}

  /** Runs {@code body} in this scope. */
  public static void run(Runnable body) {
    ScopeEntries.entered(SoftDeleteMode.HARD_DELETE);
    ModeHolder.within(SoftDeleteMode.HARD_DELETE, body);
  }

  /** Runs {@code body} in this scope and returns what it returns. */
  public static <T> T get(Supplier<T> body) {
    ScopeEntries.entered(SoftDeleteMode.HARD_DELETE);
    return ModeHolder.within(SoftDeleteMode.HARD_DELETE, body);
  }
}
