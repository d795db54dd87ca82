package io.github.softdelete.mybatis.doctor;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SchemaDoctor.Finding;
import io.github.softdelete.mybatis.SchemaDoctor.Problem;
import io.github.softdelete.mybatis.SchemaDoctor.Severity;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.sql.ForeignKeyReader;
import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Foreign keys that reference a soft table: a soft delete is an UPDATE, so their {@code ON DELETE} never acts.
 * What {@code CASCADE} did, a declared {@code cascade} does (between soft tables, one column each side, not a
 * table to itself); what {@code RESTRICT} and {@code NO ACTION} did, a declared {@code restrict} does; what
 * {@code SET NULL} did, nothing does. A key that {@code cascade=detect} or {@code restrict=detect} derives a
 * relation from counts as declared.
 */
final class ForeignKeys {
  private ForeignKeys() {}

  /**
   * @param declared the declared cascades
   * @param restricts the declared restrict relations: a RESTRICT or NO ACTION key one of them reproduces is no
   *     finding
   * @param cascades the declarations to print, to which those the schema adds are added
   */
  static void check(String table, TableFacts facts, SoftTables tables, List<Cascade> declared,
      List<Cascade> restricts, List<Finding> findings, Set<String> cascades) {
    for (ForeignKeyReader.ForeignKey key : facts.referencedBy()) {
      String child = key.childTable().toLowerCase(Locale.ROOT);
      boolean childSoft = tables.isSoft(null, child);
      boolean single = key.childColumns().size() == 1;
      String declaration = single ? child + "." + key.childColumns().get(0).toLowerCase(Locale.ROOT) + "->" + table
          + "." + key.parentColumns().get(0).toLowerCase(Locale.ROOT) : null;
      String subject = key.subject();
      boolean self = child.equalsIgnoreCase(table);
      if (key.deleteRule() == DatabaseMetaData.importedKeyCascade) {
        if (declaration != null && declared.stream().anyMatch(c -> c.toString().equalsIgnoreCase(declaration)
            || c.hasChild(child) && c.hasParent(table) && c.childColumn().equalsIgnoreCase(key.childColumns().get(0)))) {
          continue;
        }
        String detail = "ON DELETE CASCADE from " + child + " does not fire for a soft delete: when a row of "
            + table + " is deleted, its rows in " + child + " stay live";
        String advice;
        if (!single) {
          advice = "a cascade relates one column on each side; this key has " + key.childColumns().size()
              + ": delete the children in the application";
        } else if (!childSoft) {
          advice = "give " + child + " a marker column, so that it is soft too, and declare cascade=" + declaration;
        } else if (self) {
          advice = "a table cannot cascade to itself (marking a tree's descendants needs a recursive query): delete"
              + " the subtree in the application, or declare restrict=" + declaration + " (or restrict=detect) to"
              + " refuse deleting a row that still has live children";
        } else {
          advice = "declare cascade=" + declaration + " (or cascade=detect, which derives it from this key)";
          cascades.add(declaration);
        }
        findings.add(new Finding(Severity.PROBLEM, Problem.FOREIGN_KEY_CASCADE, table, subject, detail, advice));
      } else {
        String rule = key.ruleName();
        boolean refuses = !rule.startsWith("SET");
        if (refuses && declaration != null && restricts.stream().anyMatch(r -> r.hasChild(child)
            && r.hasParent(table) && r.childColumn().equalsIgnoreCase(key.childColumns().get(0)))) {
          continue;
        }
        String detail = rule.startsWith("SET")
            ? "ON DELETE " + rule + " from " + child + " no longer acts: deleting a row of " + table + " leaves "
                + child + "." + String.join(", ", key.childColumns()) + " pointing at it"
            : "ON DELETE " + rule + " from " + child + " no longer refuses deleting a row of " + table + " that rows"
                + " of " + child + " reference: the soft delete marks it, and they keep pointing at a deleted row";
        String advice = declaration == null || !childSoft
            ? "where the rule matters, check for live " + child + " rows before deleting"
            : refuses && self ? "to keep refusing, declare restrict=" + declaration + " (or restrict=detect)"
            : refuses ? "to keep refusing, declare restrict=" + declaration + " (or restrict=detect); to delete them"
                + " with it, declare cascade=" + declaration + " (or cascade=detect)"
            : self ? "where the rule matters, check for live " + child + " rows before deleting"
            : "to delete them with it, declare cascade=" + declaration;
        findings.add(new Finding(Severity.NOTE, Problem.FOREIGN_KEY_RULE, table, subject, detail, advice));
      }
    }
  }
}
