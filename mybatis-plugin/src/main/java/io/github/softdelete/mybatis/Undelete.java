package io.github.softdelete.mybatis;

import java.util.function.Supplier;

/**
 * Runs code whose DELETE statements on soft tables restore the rows they name, instead of marking them: the
 * application's own delete becomes its undo, {@code Undelete.get(() -> documents.deleteById(42))}.
 *
 * <p>{@code DELETE FROM t WHERE c} runs as
 * {@code UPDATE t SET <marker> = <liveValue> [, audit columns = NULL] WHERE (c) AND <deleted>}, so the count
 * is the number of rows brought back. With cascades, the children that deleting those rows marked (same
 * marker value) are restored first; children deleted on their own before stay deleted. Every other
 * statement, SELECTs included, behaves as outside any scope: deleted rows stay hidden.
 *
 * <p>A restore that a live row blocks (its unique key is taken again) fails with a
 * {@link SoftDeleteException} naming the constraint the database reported.
 *
 * <p>Scopes are per thread and nest: the innermost wins, and the previous mode is restored when the body
 * returns or throws.
 */
public final class Undelete {
  private Undelete() {}

  /** Runs {@code body} in this scope. */
  public static void run(Runnable body) {
    ScopeEntries.entered(SoftDeleteMode.UNDELETE);
    ModeHolder.within(SoftDeleteMode.UNDELETE, body);
  }

  /** Runs {@code body} in this scope and returns what it returns, e.g. the number of rows restored. */
  public static <T> T get(Supplier<T> body) {
    ScopeEntries.entered(SoftDeleteMode.UNDELETE);
    return ModeHolder.within(SoftDeleteMode.UNDELETE, body);
  }
}
