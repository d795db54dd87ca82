package io.github.softdelete.mybatis.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * Where the predicate for each soft table of a FROM clause goes, so that the result equals the one with
 * every soft table {@code t} replaced by {@code (SELECT * FROM t WHERE <live>) t}:
 * <ul>
 *   <li>the right side of an INNER or LEFT join with an ON: into that ON (for the nullable side of a LEFT
 *       JOIN the only right place: in WHERE it would turn the join into an inner one);
 *   <li>a table no outer join can null-extend: into WHERE;
 *   <li>anything else (FULL joins, the left side of a RIGHT join, USING / NATURAL outer joins, nested joins,
 *       Oracle's {@code (+)} joins, a block with {@code CONNECT BY}, whose WHERE applies after the walk):
 *       the substitution itself, a derived table under the table's alias.
 * </ul>
 */
final class JoinPlacement {
  private final RewriteContext context;
  // null inside a parenthesised join, which has no WHERE of its own
  private final List<Expression> where;
  // references that take the derived table wherever they stand (Oracle's (+) joins)
  private final Set<Table> derivedOnly;

  private JoinPlacement(RewriteContext context, List<Expression> where, Set<Table> derivedOnly) {
    this.context = context;
    this.where = where;
    this.derivedOnly = derivedOnly;
  }

  /**
   * Places the predicates of a SELECT's FROM clause; a reference the context shows the deleted rows of (the
   * entity of an {@code OnlyDeleted} SELECT) gets the deleted predicate, in the same place.
   */
  static void place(RewriteContext context, PlainSelect select) {
    // decided on the block as written, before any predicate is added to its ON clauses
    context.constrainedByApplication(ExplicitMarkers.of(context, select));
    // Oracle's CONNECT BY walks the rows of FROM and its joins before WHERE applies: a predicate in WHERE
    // would let the walk pass through deleted rows
    List<Expression> where = select.getOracleHierarchical() == null ? new ArrayList<>() : null;
    JoinPlacement placement = new JoinPlacement(context, where, OracleOuterJoins.takingPart(select));
    select.setFromItem(placement.placeGroup(select.getFromItem(), select.getJoins()));
    if (where != null && !where.isEmpty()) {
      select.setWhere(Predicates.and(select.getWhere(), where));
    }
  }

  /**
   * Places the predicates of the tables read beside a DML target ({@code UPDATE ... FROM}, the joins of a
   * multi-table DELETE or UPDATE). Targets must already be marked handled: they are left to the caller.
   *
   * @param where receives the predicates that belong in the statement's WHERE
   * @return {@code from}, or the derived table that replaces it
   */
  static FromItem placeBesideTarget(RewriteContext context, FromItem from, List<Join> joins,
      List<Expression> where) {
    return new JoinPlacement(context, where, Set.of()).placeGroup(from, joins);
  }

  private FromItem placeGroup(FromItem from, List<Join> joins) {
    List<Join> all = joins == null ? List.of() : joins;
    boolean ambiguous = all.stream().anyMatch(join -> join.getOnExpressions().size() > 1);
    FromItem placedFrom = placeItem(from, null, nullExtendedLater(all, 0), ambiguous);
    for (int i = 0; i < all.size(); i++) {
      Join join = all.get(i);
      join.setRightItem(placeItem(join.getRightItem(), join, nullExtendedLater(all, i + 1), ambiguous));
    }
    return placedFrom;
  }

  private FromItem placeItem(FromItem item, Join join, boolean nullExtendedLater, boolean ambiguousOn) {
    if (item == null) {
      return null;
    }
    if (item instanceof ParenthesedFromItem nested) {
      JoinPlacement inner = new JoinPlacement(context, null, Set.of());
      nested.setFromItem(inner.placeGroup(nested.getFromItem(), nested.getJoins()));
      return nested;
    }
    if (!(item instanceof Table table) || context.wasHandled(table)) {
      return item;
    }
    context.handled(table);
    if (!context.filters() || !context.isSoft(table)) {
      return table;
    }
    if (context.isConstrainedByApplication(table)) {
      context.leftAsWritten(table);
      return table;
    }
    boolean deletedOnly = context.showsDeletedRowsOf(table);
    context.changed();
    if (derivedOnly.contains(table)) {
      return derivedTable(table, deletedOnly);
    }
    if (join != null && !ambiguousOn && acceptsPredicateInOn(join)) {
      Expression on = join.getOnExpressions().iterator().next();
      join.setOnExpressions(List.of(Predicates.and(on, predicate(table, deletedOnly))));
      return table;
    }
    if (where != null && !nullExtended(join) && !nullExtendedLater) {
      where.add(predicate(table, deletedOnly));
      return table;
    }
    return derivedTable(table, deletedOnly);
  }

  private Expression predicate(Table table, boolean deletedOnly) {
    Table qualifier = RewriteContext.qualifierTable(table);
    SoftDeleteMarker marker = context.markerOf(table);
    return deletedOnly ? marker.deleted(qualifier) : marker.live(qualifier);
  }

  /** {@code (SELECT * FROM t WHERE <live>) alias}: the definition itself, right wherever it stands. */
  private ParenthesedSelect derivedTable(Table table, boolean deletedOnly) {
    SoftDeleteMarker marker = context.markerOf(table);
    Alias alias = table.getAlias() != null ? table.getAlias() : new Alias(table.getName(), false);
    table.setAlias(null);
    PlainSelect inner = new PlainSelect();
    inner.addSelectItems(new AllColumns());
    inner.setFromItem(table);
    inner.setWhere(deletedOnly ? marker.deleted(null) : marker.live(null));
    ParenthesedSelect derived = new ParenthesedSelect();
    derived.setSelect(inner);
    derived.setAlias(alias);
    return derived;
  }

  // the ON of an inner or left join filters exactly its right side before the join
  private static boolean acceptsPredicateInOn(Join join) {
    return join.getOnExpressions().size() == 1 && !join.isRight() && !join.isFull() && !isUnusual(join);
  }

  private static boolean nullExtended(Join join) {
    return join != null
        && (join.isLeft() || join.isFull() || isUnusual(join) || (join.isOuter() && !join.isRight()));
  }

  // a RIGHT or FULL join null-extends everything to its left
  private static boolean nullExtendedLater(List<Join> joins, int from) {
    for (int i = from; i < joins.size(); i++) {
      if (joins.get(i).isRight() || joins.get(i).isFull()) {
        return true;
      }
    }
    return false;
  }

  // APPLY, semi and windowed joins: rare enough that the always-right derived table is the answer
  private static boolean isUnusual(Join join) {
    return join.isApply() || join.isSemi() || join.isWindowJoin();
  }
}
