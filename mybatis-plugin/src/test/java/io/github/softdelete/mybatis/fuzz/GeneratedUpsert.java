package io.github.softdelete.mybatis.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated upsert into {@code users}, written with {@code {T}} for its target: the application's statement
 * ({@code users}) and the oracle's, the same statement on {@code users_copy}, a copy of the live rows only.
 *
 * @param ids the keys it inserts, in order
 * @param inserted the columns it inserts, {@code id} first
 * @param assigned the columns its update assigns (empty for DO NOTHING)
 */
record GeneratedUpsert(String template, List<Integer> ids, List<String> inserted, Set<String> assigned,
    Map<String, Object> params) {
  static final String TARGET = "{T}";

  String app() {
    return template.replace(TARGET, "users");
  }

  String oracle() {
    return template.replace(TARGET, "users_copy");
  }

  /** The columns a revived row must hold as the oracle's row: the rest keep the deleted row's values. */
  boolean written(String column) {
    return inserted.contains(column) || assigned.contains(column);
  }
}
