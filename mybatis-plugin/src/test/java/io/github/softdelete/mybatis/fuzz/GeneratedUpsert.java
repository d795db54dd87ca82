package io.github.softdelete.mybatis.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated upsert or MERGE into {@code users}, written with {@code {T}} for its target and {@link Template}
 * marks for the soft tables it reads: the application's statement ({@code users}, the tables as written) and the
 * oracle's, the same statement on {@code users_copy}, a copy of the live rows only, reading the live rows of
 * every soft table.
 *
 * @param ids the keys it inserts, in order (empty for a MERGE: its source says)
 * @param inserted the columns it inserts, {@code id} first
 * @param assigned the columns its update assigns (empty for DO NOTHING)
 * @param sourceIds for a MERGE, the query of the ids its source proposes, written like the statement; else null
 */
record GeneratedUpsert(String template, List<Integer> ids, List<String> inserted, Set<String> assigned,
    Map<String, Object> params, String sourceIds) {
  static final String TARGET = "{T}";

  GeneratedUpsert(String template, List<Integer> ids, List<String> inserted, Set<String> assigned,
      Map<String, Object> params) {
    this(template, ids, inserted, assigned, params, null);
  }

  String app() {
    return Template.app(template.replace(TARGET, "users"));
  }

  String oracle() {
    return Template.oracle(template.replace(TARGET, "users_copy"), Set.of());
  }

  boolean merge() {
    return sourceIds != null;
  }

  /** The ids the MERGE's source proposes, as the oracle reads them. */
  String sourceIdsQuery() {
    return Template.oracle(sourceIds, Set.of());
  }

  /**
   * The columns a revived row must hold as the oracle's row: the rest keep the deleted row's values. A MERGE's
   * revive gives every other column its default, as the oracle's new row has it.
   */
  boolean written(String column) {
    return merge() || inserted.contains(column) || assigned.contains(column);
  }
}
