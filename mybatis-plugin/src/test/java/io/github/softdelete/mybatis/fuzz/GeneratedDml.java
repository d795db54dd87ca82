package io.github.softdelete.mybatis.fuzz;

import java.util.Map;
import java.util.Set;

/**
 * A generated DELETE or UPDATE of {@code target}, and its oracle: a SELECT of the id of each row it must touch
 * and the value it must leave in {@code v} (0 for a DELETE), over live views of the soft tables (the target, in
 * the oracle of {@code OnlyDeleted}, over its deleted rows), and the references whose own block tests their
 * marker (read as written under {@code explicitMarker=respect}).
 */
record GeneratedDml(FuzzTable target, boolean delete, String template, String oracleTemplate,
    Map<String, Object> params, Set<Integer> asWritten) {
  String app() {
    return Template.app(template);
  }

  /** @param respect whether the run has {@code explicitMarker=respect} */
  String oracle(boolean respect) {
    return Template.oracle(oracleTemplate, respect ? asWritten : Set.of());
  }

  String onlyDeletedOracle(boolean respect) {
    return Template.onlyDeletedOracle(oracleTemplate, respect ? asWritten : Set.of());
  }
}
