package io.github.softdelete.mybatis.fuzz;

import java.util.Map;
import java.util.Set;

/**
 * A generated SELECT: its template (see {@link Template}), the values of its {@code #{pN}} parameters, and
 * the number of columns ({@code c0, c1, ...}), whether an ORDER BY over every column fixes the order of its rows,
 * and the references whose own block tests their marker (read as written under {@code explicitMarker=respect}).
 */
record GeneratedQuery(String template, Map<String, Object> params, int width, boolean ordered,
    Set<Integer> asWritten) {
  String app() {
    return Template.app(template);
  }

  /** @param respect whether the run has {@code explicitMarker=respect} */
  String oracle(boolean respect) {
    return Template.oracle(template, respect ? asWritten : Set.of());
  }

  String onlyDeletedOracle(boolean respect) {
    return Template.onlyDeletedOracle(template, respect ? asWritten : Set.of());
  }
}
