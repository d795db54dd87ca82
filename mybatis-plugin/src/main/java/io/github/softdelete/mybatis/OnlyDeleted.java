package io.github.softdelete.mybatis;

import java.util.function.Supplier;

/**
 * Runs code that sees only the soft-deleted rows of the entity it selects: the trash view.
 *
 * <p>The entity is the first table reference of the FROM of a SELECT (of each branch of a UNION, INTERSECT
 * or EXCEPT; through a derived table or CTE in that place, the first reference of its body). It shows only
 * deleted rows; every other reference, comma-joined or JOINed, in subqueries and other CTEs, stays filtered
 * as usual, so a deleted entity is listed with its live relations whatever the spelling of the joins.
 * Writes decide on live rows (the SELECT of an INSERT ... SELECT, subqueries), except that an UPDATE in this
 * scope touches only deleted rows of its target table.
 *
 * <p>Scopes are per thread and nest: the innermost wins, and the previous mode is restored when the body
 * returns or throws.
 */
public final class OnlyDeleted {
  private OnlyDeleted() {}

  /** Runs {@code body} in this scope. */
  public static void run(Runnable body) {
    ScopeEntries.entered(SoftDeleteMode.ONLY_DELETED);
    ModeHolder.within(SoftDeleteMode.ONLY_DELETED, body);
  }

  /** Runs {@code body} in this scope and returns what it returns. */
  public static <T> T get(Supplier<T> body) {
    ScopeEntries.entered(SoftDeleteMode.ONLY_DELETED);
    return ModeHolder.within(SoftDeleteMode.ONLY_DELETED, body);
  }
}
