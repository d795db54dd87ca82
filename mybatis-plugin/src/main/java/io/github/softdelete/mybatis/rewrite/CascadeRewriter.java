package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SoftDeleteMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The children's side of a DELETE on a table with cascades: one UPDATE per path from the parent to each
 * descendant, descendants before their ancestors, so that each statement still finds its ancestors as the
 * parent DELETE left them (live when marking, marked when restoring).
 *
 * <p>Marking: {@code UPDATE child SET <marker> = ?, <audit> = ? WHERE child.fk IN (SELECT p.key FROM parent p
 * WHERE <the DELETE's WHERE> AND <live>) AND child.<live>}, with the parent's marker value bound once for all.
 * Restoring: {@code ... SET <marker> = <liveValue> WHERE (fk, <marker>) IN (SELECT p.key,
 * p.<marker> FROM parent p WHERE <the DELETE's WHERE> AND <deleted>)}: only the children marked with their
 * parent's very value, so children deleted on their own stay deleted. The row's columns go unqualified: the
 * block that holds them reads the child table alone, and ShardingSphere-JDBC renames a table's qualifier
 * everywhere but inside a row value, where {@code t_order_item.order_id} would outlive the rename to
 * {@code t_order_item_0}.
 */
final class CascadeRewriter {
  private final RewriteContext context;

  CascadeRewriter(RewriteContext context) {
    this.context = context;
  }

  boolean hasChildren(Table table) {
    if (context.cascades.isEmpty()) {
      return false;
    }
    String name = nameOf(table);
    return context.cascades.stream().anyMatch(cascade -> cascade.hasParent(name));
  }

  /**
   * Plans the children's statements into the context.
   *
   * @param parent the DELETE's table, alias included
   * @param parentRows the condition that selects the parent rows the DELETE marks (or restores)
   */
  void plan(Table parent, Expression parentRows) {
    String parentSelect = " FROM " + parent + " WHERE " + parentRows;
    for (List<Cascade> path : paths(parent)) {
      Cascade last = path.get(path.size() - 1);
      requireSoft(last);
      context.before.add(new PlannedStatement(last.childTable(), statementFor(parent, parentSelect, path),
          null));
    }
  }

  /**
   * Every path from {@code parent} to a descendant its cascades mark (or restore), descendants before their
   * ancestors; a table reached by two paths has two.
   */
  List<List<Cascade>> paths(Table parent) {
    Map<String, List<List<Cascade>>> pathsByTable = new LinkedHashMap<>();
    List<String> descendantsFirst = new ArrayList<>();
    visit(nameOf(parent), List.of(), pathsByTable, descendantsFirst);
    List<List<Cascade>> paths = new ArrayList<>();
    for (String table : descendantsFirst) {
      paths.addAll(pathsByTable.get(table));
    }
    return paths;
  }

  /**
   * The rows a marking DELETE marks in the last table of {@code path} ({@code parent} itself when empty), as
   * {@code t.column FROM t WHERE ...}, to be read with {@code IN (SELECT ...)}.
   *
   * @param parentRows the condition that selects the parent rows the DELETE marks; {@code null}: all
   */
  String markedRows(Table parent, Expression parentRows, List<Cascade> path, String column) {
    String parentSelect = " FROM " + parent + (parentRows == null ? "" : " WHERE " + parentRows);
    return rowsOf(parent, parentSelect, path, column, false);
  }

  /**
   * As {@link #markedRows}, without the rows whose {@code column} is NULL, to be read with
   * {@code NOT IN (SELECT ...)}, which a NULL among the rows would make never true; the condition's {@code ?}
   * printed as copies of the application's parameters, for a query that reads the rows a second time.
   */
  String markedKeys(Table parent, Expression parentRows, List<Cascade> path, String column) {
    String rows = parentRows == null ? null : "(" + ExpressionCopy.printedWithCopies(parentRows, parent) + ")";
    if (!path.isEmpty()) {
      String parentSelect = " FROM " + parent + (rows == null ? "" : " WHERE " + rows);
      return rowsOf(parent, parentSelect, path, column, false) + " AND "
          + qualified(path.get(path.size() - 1).childTable(), column) + " IS NOT NULL";
    }
    String key = qualified(RewriteContext.qualifierTable(parent).toString(), column);
    return key + " FROM " + parent + " WHERE " + (rows == null ? "" : rows + " AND ") + key + " IS NOT NULL";
  }

  // every path from the parent; a table is listed once all its descendants are (post-order)
  private void visit(String table, List<Cascade> path, Map<String, List<List<Cascade>>> pathsByTable,
      List<String> descendantsFirst) {
    for (Cascade cascade : context.cascades) {
      if (cascade.hasParent(table)) {
        List<Cascade> childPath = new ArrayList<>(path);
        childPath.add(cascade);
        String child = cascade.childTable().toLowerCase(Locale.ROOT);
        pathsByTable.computeIfAbsent(child, c -> new ArrayList<>()).add(childPath);
        visit(cascade.childTable(), childPath, pathsByTable, descendantsFirst);
      }
    }
    String key = table.toLowerCase(Locale.ROOT);
    if (!path.isEmpty() && !descendantsFirst.contains(key)) {
      descendantsFirst.add(key);
    }
  }

  private void requireSoft(Cascade cascade) {
    if (!context.isSoft(table(cascade.childTable()))) {
      throw new RewriteRefusedException(cascade.childTable(), "the cascade '" + cascade + "' names a table"
          + " without the marker column '" + context.markerOf(cascade.childTable()).column() + "'; add the column or drop the cascade");
    }
  }

  private String statementFor(Table parent, String parentSelect, List<Cascade> path) {
    boolean undo = context.mode == SoftDeleteMode.UNDELETE;
    String rows = rowsOf(parent, parentSelect, path.subList(0, path.size() - 1),
        path.get(path.size() - 1).parentColumn(), undo);
    Cascade last = path.get(path.size() - 1);
    SoftDeleteMarker child = context.markerOf(last.childTable());
    StringBuilder sql = new StringBuilder("UPDATE ").append(last.childTable()).append(" SET ");
    sql.append(child.column()).append(" = ")
        .append(undo ? child.liveValue() : Placeholders.of(Binding.Added.MARKER));
    for (UpdateSet set : child.sideEffects(null, undo, Placeholders.of(Binding.Added.DELETED_BY),
        Placeholders.of(Binding.Added.DELETE_REASON))) {
      sql.append(", ").append(set);
    }
    return sql.append(" WHERE ").append(childCondition(last, rows, undo)).toString();
  }

  // the rows of each table on the path, from the parent down: "key[, marker] FROM ... WHERE ..."
  private String rowsOf(Table parent, String parentSelect, List<Cascade> path, String column, boolean undo) {
    String parentQualifier = RewriteContext.qualifierTable(parent).toString();
    String rows = qualified(parentQualifier, path.isEmpty() ? column : path.get(0).parentColumn())
        + (undo ? ", " + qualified(parentQualifier, context.markerOf(parent).column()) : "")
        + parentSelect;
    for (int i = 0; i < path.size(); i++) {
      Cascade edge = path.get(i);
      String table = edge.childTable();
      rows = qualified(table, i + 1 < path.size() ? path.get(i + 1).parentColumn() : column)
          + (undo ? ", " + qualified(table, context.markerOf(table).column()) : "")
          + " FROM " + table + " WHERE " + childCondition(edge, rows, undo);
    }
    return rows;
  }

  private String childCondition(Cascade edge, String parentRows, boolean undo) {
    String table = edge.childTable();
    SoftDeleteMarker marker = context.markerOf(table);
    if (undo) {
      return "(" + edge.childColumn() + ", " + marker.column() + ") IN (SELECT " + parentRows + ")";
    }
    return qualified(table, edge.childColumn()) + " IN (SELECT " + parentRows + ") AND "
        + marker.live(table(table));
  }

  private static String qualified(String qualifier, String column) {
    return qualifier + "." + column;
  }

  static Table table(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? new Table(name) : new Table(name.substring(0, dot), name.substring(dot + 1));
  }

  static String nameOf(Table table) {
    String name = table.getUnquotedName();
    return table.getSchemaName() == null ? name : MultiPartName.unquote(table.getSchemaName()) + "." + name;
  }
}
