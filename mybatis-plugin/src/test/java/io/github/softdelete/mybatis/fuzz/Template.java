package io.github.softdelete.mybatis.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated SQL with each soft table reference marked, rendered two ways: as the application writes it, and
 * as the oracle, where the reference reads from a live view {@code (SELECT * FROM t WHERE deleted_at IS NULL)}.
 * Parameters are written {@code #{pN}}, as in a mapper; {@link #jdbc} turns them into {@code ?} and values.
 */
final class Template {
  static final String LIVE = "deleted_at IS NULL";

  // ⟦t⟧ is a reference followed by its own alias; ⟪t|a⟫ is an unaliased reference, named a in the query
  private static final Pattern ALIASED = Pattern.compile("⟦([^⟧]+)⟧");
  private static final Pattern UNALIASED = Pattern.compile("⟪([^|]+)\\|([^⟫]+)⟫");
  private static final Pattern PARAM = Pattern.compile("#\\{(p\\d+)}");

  private Template() {}

  static String aliased(String table) {
    return "⟦" + table + "⟧";
  }

  static String unaliased(String table, String name) {
    return "⟪" + table + "|" + name + "⟫";
  }

  /** The SQL as an application writes it. */
  static String app(String template) {
    return UNALIASED.matcher(ALIASED.matcher(template).replaceAll("$1")).replaceAll("$1");
  }

  /** The oracle: every soft table reference replaced by its live view, under the name the query uses. */
  static String oracle(String template) {
    String aliased = ALIASED.matcher(template)
        .replaceAll(m -> Matcher.quoteReplacement(liveView(m.group(1))));
    return UNALIASED.matcher(aliased)
        .replaceAll(m -> Matcher.quoteReplacement(liveView(m.group(1)) + " " + m.group(2)));
  }

  private static String liveView(String table) {
    return "(SELECT * FROM " + table + " WHERE " + LIVE + ")";
  }

  /** SQL with {@code #{pN}} replaced by {@code ?}, and the values in placeholder order. */
  record Jdbc(String sql, List<Object> args) {}

  static Jdbc jdbc(String sql, Map<String, Object> params) {
    List<Object> args = new ArrayList<>();
    Matcher m = PARAM.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      args.add(params.get(m.group(1)));
      m.appendReplacement(out, "?");
    }
    m.appendTail(out);
    return new Jdbc(out.toString(), args);
  }
}
