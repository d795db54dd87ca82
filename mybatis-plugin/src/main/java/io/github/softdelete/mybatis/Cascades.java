package io.github.softdelete.mybatis;

import io.github.softdelete.mybatis.sql.SqlText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads cascade and restrict declarations, and checks the graph they form. */
final class Cascades {
  private Cascades() {}

  /**
   * As {@link #parse(String, List)}, for the {@code restrict} key: the same syntax, no table restricting
   * itself (a DELETE that marks a row and its own children at once is not checked yet); cycles are allowed,
   * since a restrict relation marks nothing.
   */
  static List<Cascade> parseRestricts(String declarations, List<String> tables) {
    return parse(declarations, tables, "restrict relation",
        "names one table as child and parent: a table restricting itself is not supported", false);
  }

  /**
   * The first relation declared both as a cascade and as a restrict between the same child and parent
   * tables, as {@code "child->parent"}, or {@code null}: deleting the parent cannot both mark the children and
   * be refused because of them.
   */
  static String bothCascadeAndRestrict(List<Cascade> cascades, List<Cascade> restricts) {
    for (Cascade restrict : restricts) {
      for (Cascade cascade : cascades) {
        if (cascade.hasChild(restrict.childTable()) && cascade.hasParent(restrict.parentTable())) {
          return "'" + restrict + "' is also a cascade ('" + cascade + "'): the tables " + restrict.childTable()
              + " and " + restrict.parentTable() + " are related by cascade or by restrict, not both";
        }
      }
    }
    return null;
  }

  /**
   * {@code child_table.column->parent_table.column} declarations separated by commas or colons, in order,
   * without duplicates.
   *
   * @param tables the configured soft tables, which every declared table must be one of; empty: any table
   * @throws IllegalArgumentException saying what is wrong: an empty or malformed declaration, a table not in
   *     {@code tables}, a cycle
   */
  static List<Cascade> parse(String declarations, List<String> tables) {
    return parse(declarations, tables, "cascade", "is a cycle: a table cannot cascade to itself", true);
  }

  private static List<Cascade> parse(String declarations, List<String> tables, String kind, String selfReference,
      boolean acyclic) {
    List<Cascade> cascades = new ArrayList<>();
    for (String entry : SqlText.splitOutsideQuotes(declarations, ",:")) {
      String declaration = entry.strip();
      if (declaration.isEmpty()) {
        throw new IllegalArgumentException("empty " + kind);
      }
      int arrow = declaration.indexOf("->");
      List<String> child = arrow < 0 ? null : SqlNames.dottedName(declaration.substring(0, arrow), 2, 3);
      List<String> parent = arrow < 0 ? null : SqlNames.dottedName(declaration.substring(arrow + 2), 2, 3);
      if (child == null || parent == null) {
        throw new IllegalArgumentException(
            "'" + declaration + "' is not a " + kind + " (child_table.column->parent_table.column)");
      }
      Cascade cascade = new Cascade(table(child), column(child), table(parent), column(parent));
      if (!tables.isEmpty()) {
        for (String table : List.of(cascade.childTable(), cascade.parentTable())) {
          if (tables.stream().noneMatch(soft -> Cascade.sameTable(soft, table))) {
            throw new IllegalArgumentException("'" + declaration + "' names table '" + table
                + "', which is not in tables (" + String.join(", ", tables) + ")");
          }
        }
      }
      if (Cascade.sameTable(cascade.childTable(), cascade.parentTable())) {
        throw new IllegalArgumentException("'" + declaration + "' " + selfReference);
      }
      if (!cascades.contains(cascade)) {
        cascades.add(cascade);
      }
    }
    List<String> cycle = acyclic ? cycleIn(cascades) : List.of();
    if (!cycle.isEmpty()) {
      throw new IllegalArgumentException("the cascades form a cycle: " + String.join(" -> ", cycle));
    }
    return Collections.unmodifiableList(cascades);
  }

  private static String table(List<String> dottedName) {
    return String.join(".", dottedName.subList(0, dottedName.size() - 1));
  }

  private static String column(List<String> dottedName) {
    return dottedName.get(dottedName.size() - 1);
  }

  /** A cycle, parent first and closed ({@code a -> b -> a}), or empty when the cascades form none. */
  static List<String> cycleIn(List<Cascade> cascades) {
    Map<String, Integer> state = new HashMap<>();
    for (Cascade cascade : cascades) {
      List<String> path = new ArrayList<>();
      List<String> cycle = visit(cascade.parentTable(), cascades, state, path);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    return List.of();
  }

  // state: absent = unseen, 1 = on the current path, 2 = done
  private static List<String> visit(String table, List<Cascade> cascades, Map<String, Integer> state,
      List<String> path) {
    String key = table.toLowerCase(Locale.ROOT);
    Integer seen = state.get(key);
    if (seen != null && seen == 2) {
      return List.of();
    }
    if (seen != null) {
      List<String> cycle = new ArrayList<>(path.subList(indexOf(path, table), path.size()));
      cycle.add(table);
      return cycle;
    }
    state.put(key, 1);
    path.add(table);
    for (Cascade cascade : cascades) {
      if (cascade.hasParent(table)) {
        List<String> cycle = visit(cascade.childTable(), cascades, state, path);
        if (!cycle.isEmpty()) {
          return cycle;
        }
      }
    }
    path.remove(path.size() - 1);
    state.put(key, 2);
    return List.of();
  }

  private static int indexOf(List<String> path, String table) {
    for (int i = 0; i < path.size(); i++) {
      if (Cascade.sameTable(path.get(i), table)) {
        return i;
      }
    }
    return 0;
  }
}
