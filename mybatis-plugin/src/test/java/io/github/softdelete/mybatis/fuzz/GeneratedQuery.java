package io.github.softdelete.mybatis.fuzz;

import java.util.Map;

/**
 * A generated SELECT: its template (see {@link Template}), the values of its {@code #{pN}} parameters, and
 * the number of columns ({@code c0, c1, ...}) and whether an ORDER BY over every column fixes the order of its rows.
 */
record GeneratedQuery(String template, Map<String, Object> params, int width, boolean ordered) {
  String app() {
    return Template.app(template);
  }

  String oracle() {
    return Template.oracle(template);
  }

  String onlyDeletedOracle() {
    return Template.onlyDeletedOracle(template);
  }
}
