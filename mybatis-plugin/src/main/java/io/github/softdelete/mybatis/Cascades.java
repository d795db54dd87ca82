package io.github.softdelete.mybatis;

import io.github.softdelete.mybatis.catalog.RelationGraph;
import io.github.softdelete.mybatis.sql.SqlText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads cascade and restrict declarations, and checks the graph they form. */
final class Cascades {
  /** The item of {@code cascade} and {@code restrict} that derives relations from each database's foreign keys. */
  static final String DETECT = "detect";

  private Cascades() {}

  /** Whether {@code declarations} holds the item {@code detect}. */
  static boolean detects(String declarations) {
    return SqlText.splitOutsideQuotes(declarations, ",:").stream().anyMatch(item -> item.strip().equalsIgnoreCase(DETECT));
  }

  /**
   * As {@link #parseDeclared(String, List)}, for the {@code restrict} key: the same syntax; a table may restrict
   * itself (a tree: {@code categories.parent_id->categories.id}); cycles are allowed, since a restrict relation
   * marks nothing.
   */
  static List<Cascade> parseRestricts(String declarations, List<String> tables) {
    return parse(declarations, tables, "restrict relation", null, false, true);
  }

  /** As {@link #parse(String, List)}, for the {@code cascade} key: the item {@code detect} is skipped. */
  static List<Cascade> parseDeclared(String declarations, List<String> tables) {
    return parse(declarations, tables, "cascade", SELF_CASCADE, true, true);
  }

  private static final String SELF_CASCADE = "is a cycle: a table cannot cascade to itself (marking a tree's"
      + " descendants needs a recursive query, which softdelete does not run); to refuse deleting a row that still"
      + " has live children, declare it in restrict instead";

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
    return parse(declarations, tables, "cascade", SELF_CASCADE, true, false);
  }

  /** @param selfReference why a table cannot be its own parent, or {@code null} when it can */
  private static List<Cascade> parse(String declarations, List<String> tables, String kind, String selfReference,
      boolean acyclic, boolean detectAllowed) {
    List<Cascade> cascades = new ArrayList<>();
    for (String entry : SqlText.splitOutsideQuotes(declarations, ",:")) {
      String declaration = entry.strip();
      if (declaration.isEmpty()) {
        throw new IllegalArgumentException("empty " + kind);
      }
      if (declaration.equalsIgnoreCase(DETECT)) {
        if (!detectAllowed) {
          throw new IllegalArgumentException("'" + DETECT + "' derives relations from a database's foreign keys,"
              + " which only the interceptor's configuration reads; write the relations out here");
        }
        continue;
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
      if (selfReference != null && Cascade.sameTable(cascade.childTable(), cascade.parentTable())) {
        throw new IllegalArgumentException("'" + declaration + "' " + selfReference);
      }
      if (!cascades.contains(cascade)) {
        cascades.add(cascade);
      }
    }
    List<String> cycle = acyclic ? RelationGraph.cycleIn(cascades) : List.of();
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

}
