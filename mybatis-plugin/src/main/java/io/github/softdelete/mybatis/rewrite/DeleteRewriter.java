package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.SoftDeleteMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateModifierPriority;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * A DELETE on soft tables becomes the UPDATE that marks the rows it would have erased:
 * {@code UPDATE t SET <marker> = <deletedValue> WHERE (<where>) AND <live>}, so that its count is the number
 * of rows newly marked, with the audit columns set from bound parameters. In {@code Undelete} it becomes the
 * restore, {@code UPDATE t SET <marker> = <liveValue> WHERE (<where>) AND <deleted>}. In {@code HardDelete},
 * or when no target is soft, the DELETE stays and only the tables it reads are filtered. A target with
 * declared cascades gets the children's statements planned by {@link CascadeRewriter}.
 */
final class DeleteRewriter {
  private static final String MATERIALISED_ALIAS = "softdelete_snapshot";

  private final RewriteContext context;
  private final SelectFilter selects;
  private final Dialect dialect;

  /** @param dialect the database the statement runs on: a form it would not run is refused, not converted */
  DeleteRewriter(RewriteContext context, SelectFilter selects, Dialect dialect) {
    this.context = context;
    this.selects = selects;
    this.dialect = dialect;
  }

  Statement rewrite(Delete delete) {
    Statement[] result = new Statement[1];
    selects.withCtes(delete.getWithItemsList(), () -> result[0] = rewriteBody(delete));
    return result[0];
  }

  private Statement rewriteBody(Delete delete) {
    List<Table> targets = targets(delete);
    targets.forEach(context::handled);
    // for the tables it only reads; its targets are converted whatever its WHERE says
    context.constrainedByApplication(ExplicitMarkers.of(context, delete));
    if (delete.getTables() != null) {
      // the names in DELETE t1, t2 FROM ... refer to the FROM clause's tables
      delete.getTables().forEach(context::handled);
    }
    List<Table> softTargets = new ArrayList<>(targets.size());
    for (Table target : targets) {
      if (context.isSoft(target)) {
        softTargets.add(target);
      }
    }
    if (context.mode == SoftDeleteMode.HARD_DELETE || softTargets.isEmpty()) {
      keepAsDelete(delete);
      if (!softTargets.isEmpty()) {
        checkBeforeErasing(delete, targets);
      }
      return delete;
    }
    if (softTargets.size() != targets.size()) {
      Table soft = softTargets.get(0);
      throw new RewriteRefusedException(RewriteContext.displayName(soft),
          "a DELETE of soft-deletable and ordinary tables together cannot become one UPDATE;"
              + " delete from them in separate statements");
    }
    UnrunnableForms.checkDelete(delete, dialect, RewriteContext.displayName(softTargets.get(0)));
    context.changed();
    return toUpdate(delete, targets);
  }

  /** The DELETE erases rows as written; the tables it only reads still hide deleted rows. */
  private void keepAsDelete(Delete delete) {
    selects.filterSubqueries(delete, Set.of());
    List<Expression> where = new ArrayList<>();
    if (delete.getUsingList() != null && !delete.getUsingList().isEmpty()) {
      placeUsing(delete, where);
    }
    if (delete.getJoins() != null && !delete.getJoins().isEmpty()) {
      JoinPlacement.placeBesideTarget(context, delete.getTable(), delete.getJoins(), where);
    }
    if (!where.isEmpty()) {
      delete.setWhere(Predicates.and(delete.getWhere(), where));
    }
  }

  /** In {@code HardDelete}, a restrict relation still refuses erasing parents that have live children. */
  private void checkBeforeErasing(Delete delete, List<Table> targets) {
    IntegrityChecks checks = new IntegrityChecks(context);
    if (targets.stream().noneMatch(checks::guards)) {
      return;
    }
    refuseUncertainChecks(delete, isSingleTable(delete));
    checks.plan(delete.getTable(), delete.getWhere());
  }

  private void placeUsing(Delete delete, List<Expression> where) {
    for (Table using : delete.getUsingList()) {
      if (context.isSoft(using) && context.filters(using) && context.isConstrainedByApplication(using)
          && !context.wasHandled(using)) {
        context.leftAsWritten(using);
      } else if (context.isSoft(using) && context.filters(using) && !context.wasHandled(using)) {
        context.handled(using);
        context.changed();
        where.add(context.markerOf(using).live(RewriteContext.qualifierTable(using)));
      } else {
        context.handled(using);
      }
    }
  }

  private Update toUpdate(Delete delete, List<Table> targets) {
    boolean singleTable = isSingleTable(delete);
    if (delete.getPreferringClause() != null || delete.getOutputClause() != null && !singleTable) {
      throw new RewriteRefusedException(RewriteContext.displayName(targets.get(0)),
          "this form of DELETE cannot be turned into a marking UPDATE with certainty; run it inside"
              + " HardDelete.run(...) to erase rows, or write the marking UPDATE yourself");
    }
    // decided on the statement as written: filtering turns soft tables into live views that name the target
    // themselves, which would hide an outer reference to it
    List<ParenthesedSelect> selfReferences =
        singleTable ? selfReferencingSubqueries(delete.getWhere(), delete.getTable()) : List.of();
    selects.filterSubqueries(delete, Set.of());
    Update update = new Update();
    update.setTable(delete.getTable());
    update.setWithItemsList(delete.getWithItemsList());
    update.setOracleHint(delete.getOracleHint());
    update.setOutputClause(delete.getOutputClause());
    update.setOrderByElements(delete.getOrderByElements());
    update.setLimit(delete.getLimit());
    update.setReturningClause(delete.getReturningClause());
    update.setModifierIgnore(delete.isModifierIgnore());
    if (delete.getModifierPriority() != null) {
      update.setModifierPriority(UpdateModifierPriority.LOW_PRIORITY);
    }
    List<Expression> where = new ArrayList<>();
    CascadeRewriter cascades = new CascadeRewriter(context);
    boolean cascading = false;
    for (int i = 0; i < targets.size() && !cascading; i++) {
      cascading = cascades.hasChildren(targets.get(i));
    }
    if (cascading) {
      refuseUncertainCascade(delete, singleTable);
    }
    IntegrityChecks checks = new IntegrityChecks(context);
    boolean checking = targets.stream().anyMatch(checks::guards);
    if (checking) {
      refuseUncertainChecks(delete, singleTable);
    }
    if (singleTable) {
      materialise(selfReferences);
      addMarkingSets(update, delete.getTable(), null, cascading);
      where.add(rowsConcerned(delete.getTable(), null));
    } else {
      if (!isEmpty(delete.getUsingList())) {
        // PostgreSQL: DELETE FROM t USING u, v  ->  UPDATE t SET ... FROM u, v
        List<Table> using = delete.getUsingList();
        List<Join> rest = new ArrayList<>();
        for (Table table : using.subList(1, using.size())) {
          Join join = new Join();
          join.setSimple(true);
          join.setRightItem(table);
          rest.add(join);
        }
        update.setFromItem(JoinPlacement.placeBesideTarget(context, using.get(0), rest, where));
        update.setJoins(rest.isEmpty() ? null : rest);
      }
      if (!isEmpty(delete.getJoins())) {
        // MySQL: DELETE t FROM t JOIN u ...  ->  UPDATE t JOIN u ... SET t.marker = ...
        if (targets.size() > 1 && delete.getJoins().stream().anyMatch(j -> j.isLeft() || j.isRight()
            || j.isFull() || j.isOuter())) {
          throw new RewriteRefusedException(RewriteContext.displayName(targets.get(0)),
              "a DELETE of several tables across an outer join cannot become one UPDATE with certainty;"
                  + " delete from each table in its own statement");
        }
        JoinPlacement.placeBesideTarget(context, delete.getTable(), delete.getJoins(), where);
        update.setStartJoins(delete.getJoins());
      }
      // MySQL's multi-table UPDATE needs to know whose marker it sets; PostgreSQL's SET rejects a qualifier
      boolean qualifySet = !isEmpty(delete.getJoins()) || !isEmpty(delete.getTables());
      for (Table target : targets) {
        Table qualifier = RewriteContext.qualifierTable(target);
        addMarkingSets(update, target, qualifySet ? qualifier : null, false);
        where.add(rowsConcerned(target, qualifier));
      }
    }
    update.setWhere(Predicates.and(delete.getWhere(), where));
    if (checking) {
      checks.plan(delete.getTable(), update.getWhere());
    }
    if (cascading) {
      cascades.plan(delete.getTable(), update.getWhere());
    }
    return update;
  }

  private boolean undo() {
    return context.mode == SoftDeleteMode.UNDELETE;
  }

  /** Live rows are marked; in {@code Undelete}, deleted rows are restored. */
  private Expression rowsConcerned(Table target, Table qualifier) {
    SoftDeleteMarker marker = context.markerOf(target);
    return undo() ? marker.deleted(qualifier) : marker.live(qualifier);
  }

  /**
   * {@code SET marker = <deletedValue>, deleted_by = ?, delete_reason = ?}; with a cascade the marker is a
   * parameter too, one value for parent and children. A restore writes the live value and NULLs.
   */
  private void addMarkingSets(Update update, Table target, Table qualifier, boolean cascading) {
    SoftDeleteMarker marker = context.markerOf(target);
    Expression value = undo() ? marker.liveValue()
        : cascading ? Placeholders.of(Binding.Added.MARKER) : marker.deletedValue();
    update.addUpdateSet(new UpdateSet(marker.columnOf(qualifier), value));
    for (UpdateSet set : marker.sideEffects(qualifier, undo(), Placeholders.of(Binding.Added.DELETED_BY),
        Placeholders.of(Binding.Added.DELETE_REASON))) {
      update.addUpdateSet(set);
    }
  }

  /**
   * The children's statements select the parents through the DELETE's WHERE alone: anything else that
   * narrows or widens the rows (a join, LIMIT, a CTE) would make them mark other children than the parents
   * the DELETE marks.
   */
  private void refuseUncertainCascade(Delete delete, boolean singleTable) {
    String shape = uncertainShape(delete, singleTable);
    if (shape != null) {
      throw new RewriteRefusedException(RewriteContext.displayName(delete.getTable()),
          "the table has cascades, and a DELETE with " + shape + " cannot be applied to its children with"
              + " certainty; write it as DELETE FROM table WHERE ...");
    }
  }

  /** As for cascades: the checks read the changed rows through the DELETE's WHERE alone. */
  private void refuseUncertainChecks(Delete delete, boolean singleTable) {
    String shape = uncertainShape(delete, singleTable);
    if (shape != null) {
      String what = undo() ? "restore guards (its declared parents)" : "restrict relations";
      throw new RewriteRefusedException(RewriteContext.displayName(delete.getTable()),
          "the table has " + what + ", and a DELETE with " + shape + " cannot be checked against them with"
              + " certainty; write it as DELETE FROM table WHERE ...");
    }
  }

  private static String uncertainShape(Delete delete, boolean singleTable) {
    return !singleTable ? "joins or several tables"
        : !isEmpty(delete.getWithItemsList()) ? "WITH"
        : delete.getLimit() != null || !isEmpty(delete.getOrderByElements()) ? "ORDER BY or LIMIT"
        : delete.getReturningClause() != null || delete.getOutputClause() != null ? "RETURNING or OUTPUT"
        : null;
  }

  private static boolean isSingleTable(Delete delete) {
    return isEmpty(delete.getJoins()) && isEmpty(delete.getUsingList()) && isEmpty(delete.getTables());
  }

  /**
   * The tables a DELETE erases from: its single table, or in MySQL's multi-table form the FROM clause's
   * tables that the names before FROM refer to (by alias or name).
   */
  private List<Table> targets(Delete delete) {
    if (isEmpty(delete.getTables()) || isEmpty(delete.getJoins()) && delete.getTables().size() == 1
        && delete.getTables().get(0) == delete.getTable()) {
      return List.of(delete.getTable());
    }
    List<Table> fromClause = new ArrayList<>();
    fromClause.add(delete.getTable());
    if (delete.getJoins() != null) {
      for (Join join : delete.getJoins()) {
        if (join.getRightItem() instanceof Table table) {
          fromClause.add(table);
        }
      }
    }
    List<Table> targets = new ArrayList<>();
    for (Table named : delete.getTables()) {
      targets.add(fromClause.stream()
          .filter(candidate -> refersTo(named, candidate))
          .findFirst()
          .orElseThrow(() -> new RewriteRefusedException(RewriteContext.displayName(named),
              "the DELETE names a table its FROM clause does not contain")));
    }
    return targets;
  }

  private static boolean refersTo(Table named, Table candidate) {
    return named.getUnquotedName().toLowerCase(Locale.ROOT).equals(RewriteContext.exposedName(candidate));
  }

  /**
   * A DELETE decides which rows go before it erases any. The UPDATE it becomes must read a subquery on its
   * own table the same way: reading it into a derived table first fixes its rows whatever the database's
   * UPDATE does (MySQL rejects a self-referencing UPDATE outright with error 1093; MariaDB 10.11 was seen
   * to read the subquery in full first, so there it changes nothing).
   */
  private static List<ParenthesedSelect> selfReferencingSubqueries(Expression where, Table target) {
    if (where == null) {
      return List.of();
    }
    List<ParenthesedSelect> subqueries = new ArrayList<>();
    AstWalker.walk(where, node -> {
      if (node instanceof ParenthesedSelect subquery) {
        subqueries.add(subquery);
        return false;
      }
      return !(node instanceof Select);
    });
    // a correlated subquery cannot move into a derived table, which does not see the outer row on
    // MySQL and MariaDB ("Unknown column"), nor on H2. An unqualified outer reference goes unnoticed; the
    // database then rejects the wrapped form, which changes no row.
    subqueries.removeIf(subquery -> !reads(subquery.getSelect(), target)
        || OuterReferences.refersTo(subquery.getSelect(), target));
    return subqueries;
  }

  private static void materialise(List<ParenthesedSelect> subqueries) {
    for (ParenthesedSelect subquery : subqueries) {
      PlainSelect snapshot = new PlainSelect();
      snapshot.addSelectItems(new AllColumns());
      ParenthesedSelect inner = new ParenthesedSelect();
      inner.setSelect(subquery.getSelect());
      inner.setAlias(new Alias(MATERIALISED_ALIAS, false));
      snapshot.setFromItem(inner);
      subquery.setSelect(snapshot);
    }
  }

  private static boolean reads(Select select, Table target) {
    String name = target.getUnquotedName().toLowerCase(Locale.ROOT);
    boolean[] found = {false};
    AstWalker.walk(select, node -> {
      if (node instanceof Table table && table.getName() != null
          && table.getUnquotedName().toLowerCase(Locale.ROOT).equals(name)) {
        found[0] = true;
      }
      return !found[0] && !(node instanceof Column);
    });
    return found[0];
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}
