package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SoftDeleteMode;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;

/**
 * The queries that guard the declared relations before a DELETE runs, planned first into the context; the
 * statement is refused when one returns a row.
 *
 * <p>Restrict ({@code child.fk->parent.key} in {@code restrict}): a DELETE that marks (or, in
 * {@code HardDelete}, erases) parent rows that still have live children, {@code SELECT 1 FROM child WHERE
 * child.fk IN (SELECT p.key FROM parent p WHERE <the DELETE's WHERE> AND <live>) AND <child live>}; the rows
 * its cascades mark are parents too. Restore guard (every cascade and restrict relation): a restore in
 * {@code Undelete} of child rows whose parent is deleted, {@code SELECT 1 FROM child c WHERE <the restore's
 * WHERE> AND c.fk IN (SELECT parent.key FROM parent WHERE <deleted>)}. Each reads the parents through the
 * statement's own WHERE, so it sees exactly the rows the statement changes, with its parameters.
 *
 * <p>A table that restricts itself (a tree, {@code categories.parent_id->categories.id}) has its children among
 * the rows the statement changes: a child the same DELETE marks does not remain live ({@code AND child.key NOT
 * IN (SELECT <the rows marked>)}), and a parent the same restore restores does not stay deleted. Each check is a
 * SELECT of its own, run before the statement, so MariaDB, which refuses the target table in a subquery of an
 * UPDATE, runs it too.
 */
final class IntegrityChecks {
  private final RewriteContext context;
  private final CascadeRewriter cascades;

  IntegrityChecks(RewriteContext context) {
    this.context = context;
    this.cascades = new CascadeRewriter(context);
  }

  /** Whether a DELETE of {@code table} in this mode needs a check planned: see {@link #plan}. */
  boolean guards(Table table) {
    String name = CascadeRewriter.nameOf(table);
    if (context.mode == SoftDeleteMode.UNDELETE) {
      return relations().stream().anyMatch(relation -> relation.hasChild(name));
    }
    if (context.mode == SoftDeleteMode.HARD_DELETE) {
      return isRestrictParent(table);
    }
    return markedTables(table).stream().anyMatch(this::isRestrictParent);
  }

  /** Whether {@code table} is the parent of a restrict relation, whose live children forbid deleting it. */
  boolean isRestrictParent(Table table) {
    String name = CascadeRewriter.nameOf(table);
    return context.restricts.stream().anyMatch(restrict -> restrict.hasParent(name));
  }

  /**
   * Plans the checks of a DELETE of {@code target} into the context, before any other statement.
   *
   * @param target the DELETE's table, alias included
   * @param rows the condition that selects the rows the statement changes: the marking or restoring UPDATE's
   *     WHERE, or in {@code HardDelete} the DELETE's own ({@code null}: every row)
   */
  void plan(Table target, Expression rows) {
    if (context.mode == SoftDeleteMode.UNDELETE) {
      planRestoreGuards(target, rows);
    } else {
      planRestricts(target, rows);
    }
  }

  private void planRestricts(Table target, Expression rows) {
    // HardDelete erases the rows as written: its cascades do not run
    List<List<Cascade>> paths = new ArrayList<>();
    paths.add(List.of());
    if (context.mode != SoftDeleteMode.HARD_DELETE) {
      paths.addAll(cascades.paths(target));
    }
    List<String> changed = new ArrayList<>();
    for (List<Cascade> path : paths) {
      changed.add(path.isEmpty() ? CascadeRewriter.nameOf(target) : path.get(path.size() - 1).childTable());
    }
    for (int i = 0; i < paths.size(); i++) {
      List<Cascade> path = paths.get(i);
      String parent = changed.get(i);
      for (Cascade restrict : context.restricts) {
        if (!restrict.hasParent(parent)) {
          continue;
        }
        boolean tree = isTree(restrict);
        if (!tree && changed.stream().anyMatch(restrict::hasChild)) {
          throw new RewriteRefusedException(RewriteContext.displayName(target), "the restrict relation '"
              + restrict + "' has its children in table '" + restrict.childTable() + "', which this DELETE's"
              + " cascades mark as well, so whether live children would remain cannot be checked before it runs;"
              + " delete the rows of " + restrict.childTable() + " first, or declare the relation differently");
        }
        String child = restrict.childTable();
        StringBuilder check = new StringBuilder("SELECT 1 FROM ").append(child).append(" WHERE ").append(child)
            .append('.').append(restrict.childColumn()).append(" IN (SELECT ")
            .append(cascades.markedRows(target, rows, path, restrict.parentColumn())).append(')')
            .append(liveChildren(child));
        if (tree) {
          // a tree: the children this very statement marks (or erases) too do not remain; a row is one of them
          // when its own key is among the rows changed in its table, by whichever path
          for (int j = 0; j < paths.size(); j++) {
            if (restrict.hasChild(changed.get(j))) {
              check.append(" AND ").append(child).append('.').append(restrict.parentColumn()).append(" NOT IN (SELECT ")
                  .append(cascades.markedKeys(target, rows, paths.get(j), restrict.parentColumn())).append(')');
            }
          }
        }
        context.before.add(new PlannedStatement(child, check.toString(), null, refusalOf(restrict)));
      }
    }
  }

  // a child table without the marker has live rows only
  private String liveChildren(String child) {
    Table table = CascadeRewriter.table(child);
    return context.isSoft(table) ? " AND " + context.markerOf(child).live(table) : "";
  }

  private String refusalOf(Cascade restrict) {
    String verb = context.mode == SoftDeleteMode.HARD_DELETE ? "erase" : "delete";
    return "the restrict relation '" + restrict + "' forbids to " + verb + " rows of " + restrict.parentTable()
        + " that still have live rows in " + restrict.childTable() + "; delete those rows of "
        + restrict.childTable() + " first";
  }

  private void planRestoreGuards(Table target, Expression rows) {
    String child = CascadeRewriter.nameOf(target);
    Table qualifier = RewriteContext.qualifierTable(target);
    for (Cascade relation : relations()) {
      Table parent = CascadeRewriter.table(relation.parentTable());
      // a parent table without the marker has no deleted rows
      if (!relation.hasChild(child) || !context.isSoft(parent)) {
        continue;
      }
      String parentKey = relation.parentTable() + "." + relation.parentColumn();
      // a tree: a parent this very statement restores does not stay deleted
      String restoredToo = isTree(relation) ? " AND " + parentKey + " NOT IN (SELECT "
          + cascades.markedKeys(target, rows, List.of(), relation.parentColumn()) + ")" : "";
      String check = "SELECT 1 FROM " + target + " WHERE " + rows + " AND " + qualifier + "."
          + relation.childColumn() + " IN (SELECT " + parentKey
          + " FROM " + relation.parentTable() + " WHERE " + context.markerOf(relation.parentTable()).deleted(parent)
          + restoredToo + ")";
      context.before.add(new PlannedStatement(relation.parentTable(), check, null, "the restored rows of "
          + relation.childTable() + " have a deleted parent in " + relation.parentTable() + " (relation '"
          + relation + "'); restore the parent first" + (isTree(relation) ? ", or with them in the same statement" : "")
          + (context.cascades.contains(relation) ? ", whose undo restores the children its cascade deleted" : "")));
    }
  }

  // a table restricting itself: categories.parent_id->categories.id
  private static boolean isTree(Cascade relation) {
    return relation.hasChild(relation.parentTable());
  }

  // the target and every table its cascades mark
  private List<Table> markedTables(Table target) {
    List<Table> marked = new ArrayList<>();
    marked.add(target);
    for (List<Cascade> path : cascades.paths(target)) {
      marked.add(CascadeRewriter.table(path.get(path.size() - 1).childTable()));
    }
    return marked;
  }

  private List<Cascade> relations() {
    List<Cascade> relations = new ArrayList<>(context.cascades);
    for (Cascade restrict : context.restricts) {
      if (!relations.contains(restrict)) {
        relations.add(restrict);
      }
    }
    return relations;
  }
}
