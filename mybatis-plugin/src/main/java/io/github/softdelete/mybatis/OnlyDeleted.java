package io.github.softdelete.mybatis;

import java.util.function.Supplier;

/**
 * Runs code that sees only the soft-deleted rows of the tables it selects from: the trash view.
 *
 * <p>The tables in the FROM list of the outermost SELECT (of each branch of a UNION, INTERSECT or EXCEPT)
 * show only deleted rows; tables brought in by JOIN, subqueries and CTE bodies stay filtered as usual, so a
 * deleted entity is listed with its live relations. An UPDATE in this scope touches only deleted rows of its
 * target table.
 *
 * <p>Scopes are per thread and nest: the innermost wins, and the previous mode is restored when the body
 * returns or throws.
 */
public final class OnlyDeleted {
  private OnlyDeleted() {}

  /** Runs {@code body} in this scope. */
  public static void run(Runnable body) {
    ModeHolder.within(SoftDeleteMode.ONLY_DELETED, body);
  }

  /** Runs {@code body} in this scope and returns what it returns. */
  public static <T> T get(Supplier<T> body) {
    return ModeHolder.within(SoftDeleteMode.ONLY_DELETED, body);
  }
}
