package io.github.softdelete.mybatis.fuzz;

import java.util.Map;

/**
 * A generated DELETE or UPDATE of {@code target}, and its oracle: a SELECT of the id of each row it must touch
 * and the value it must leave in {@code v} (0 for a DELETE), over live views of the soft tables (the target, in
 * the oracle of {@code OnlyDeleted}, over its deleted rows).
 */
record GeneratedDml(FuzzTable target, boolean delete, String template, String oracleTemplate,
    Map<String, Object> params) {
  String app() {
    return Template.app(template);
  }
}
