package io.github.softdelete.mybatis.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated SQL with each soft table reference marked, rendered three ways: as the application writes it; as
 * the oracle, where the reference reads from a live view {@code (SELECT * FROM t WHERE <t's live predicate>)};
 * and as the oracle of {@code OnlyDeleted}, where the entity (marked with {@code !}: the first reference of each
 * outermost query block, or of the blocks of a derived table standing there) reads from a view of the deleted
 * rows instead.
 * Parameters are written {@code #{pN}}, as in a mapper; {@link #jdbc} turns them into {@code ?} and values.
 */
final class Template {
  // ⟦t@n⟧ is reference number n followed by its own alias; ⟪t|a@n⟫ is an unaliased reference, named a in the
  // query; either may start with ! (⟦!t@n⟧, ⟪!t|a@n⟫): the entity of OnlyDeleted
  private static final Pattern ALIASED = Pattern.compile("⟦(!?)([^⟧@]+)@(\\d+)⟧");
  private static final Pattern UNALIASED = Pattern.compile("⟪(!?)([^|]+)\\|([^⟫@]+)@(\\d+)⟫");
  private static final Pattern PARAM = Pattern.compile("#\\{(p\\d+)}");

  private Template() {}

  static String aliased(String table, int reference) {
    return "⟦" + table + "@" + reference + "⟧";
  }

  static String unaliased(String table, String name, int reference) {
    return "⟪" + table + "|" + name + "@" + reference + "⟫";
  }

  /** {@code item}, a FROM item that starts with a reference, marked as the entity of {@code OnlyDeleted}. */
  static String entity(String item) {
    return item.startsWith("⟦") || item.startsWith("⟪") ? item.charAt(0) + "!" + item.substring(1) : item;
  }

  /** The SQL as an application writes it. */
  static String app(String template) {
    return UNALIASED.matcher(ALIASED.matcher(template).replaceAll("$2")).replaceAll("$2");
  }

  /**
   * The oracle: every soft table reference replaced by its live view, under the name the query uses, except
   * the references in {@code asWritten} (those whose own query block filters their marker, under
   * {@code explicitMarker=respect}), which read the table as written.
   */
  static String oracle(String template, Set<Integer> asWritten) {
    return render(template, false, asWritten);
  }

  /**
   * The oracle of {@code OnlyDeleted}: the entity reads deleted rows, every other reference live ones, and the
   * references in {@code asWritten} the table as written.
   */
  static String onlyDeletedOracle(String template, Set<Integer> asWritten) {
    return render(template, true, asWritten);
  }

  private static String render(String template, boolean onlyDeleted, Set<Integer> asWritten) {
    String aliased = ALIASED.matcher(template).replaceAll(m -> Matcher.quoteReplacement(
        source(m.group(2), m.group(3), onlyDeleted && !m.group(1).isEmpty(), asWritten)));
    return UNALIASED.matcher(aliased).replaceAll(m -> Matcher.quoteReplacement(
        source(m.group(2), m.group(4), onlyDeleted && !m.group(1).isEmpty(), asWritten) + " " + m.group(3)));
  }

  private static String source(String table, String reference, boolean deleted, Set<Integer> asWritten) {
    return asWritten.contains(Integer.valueOf(reference)) ? table : view(table, deleted);
  }

  private static String view(String table, boolean deleted) {
    FuzzMarker marker = FuzzTable.named(table).marker;
    return "(SELECT * FROM " + table + " WHERE " + (deleted ? marker.deleted() : marker.live()) + ")";
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
