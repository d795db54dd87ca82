package io.github.softdelete.mybatis.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Which soft table references of one query block the application's own SQL already decides about: their
 * marker column appears in the block's WHERE, HAVING or the ON of one of its joins (a nested subquery is a
 * block of its own and decides for its own references). Such a reference gets no automatic predicate.
 *
 * <p>A mention counts for a reference when qualified by its alias (or by its name, when it has none), or
 * unqualified when exactly one soft reference of the block has a marker column of that name.
 */
final class ExplicitMarkers {
  private final RewriteContext context;
  // the block's soft references, in source order
  private final List<Table> references = new ArrayList<>();
  private final List<Expression> conditions = new ArrayList<>();
  private final Set<Table> constrained = Collections.newSetFromMap(new IdentityHashMap<>());

  private ExplicitMarkers(RewriteContext context) {
    this.context = context;
  }

  /** The references of a SELECT block that its WHERE, HAVING or ON clauses constrain by their marker. */
  static Set<Table> of(RewriteContext context, PlainSelect select) {
    ExplicitMarkers block = new ExplicitMarkers(context);
    if (!context.respectsExplicitMarkers()) {
      return block.constrained;
    }
    block.addFrom(select.getFromItem(), select.getJoins());
    block.conditions.add(select.getWhere());
    block.conditions.add(select.getHaving());
    return block.decide();
  }

  /**
   * The references of an UPDATE that it constrains: also those whose marker SET assigns (a hand-written soft
   * delete or restore), unqualified for the target, qualified for any table a MySQL multi-table UPDATE writes.
   */
  static Set<Table> of(RewriteContext context, Update update) {
    ExplicitMarkers block = new ExplicitMarkers(context);
    if (!context.respectsExplicitMarkers()) {
      return block.constrained;
    }
    block.addFrom(update.getTable(), update.getStartJoins());
    block.addFrom(update.getFromItem(), update.getJoins());
    block.conditions.add(update.getWhere());
    block.decide();
    if (update.getUpdateSets() != null) {
      for (UpdateSet set : update.getUpdateSets()) {
        set.getColumns().forEach(column -> block.assigned(column, update.getTable()));
      }
    }
    return block.constrained;
  }

  /** The references of a DELETE that it constrains; the caller still converts its targets as always. */
  static Set<Table> of(RewriteContext context, Delete delete) {
    ExplicitMarkers block = new ExplicitMarkers(context);
    if (!context.respectsExplicitMarkers()) {
      return block.constrained;
    }
    block.addFrom(delete.getTable(), delete.getJoins());
    if (delete.getUsingList() != null) {
      delete.getUsingList().forEach(using -> block.addFrom(using, null));
    }
    block.conditions.add(delete.getWhere());
    return block.decide();
  }

  /**
   * The references of a MERGE that it constrains: its target and a source table, by the ON and the conditions of
   * its WHEN MATCHED clauses (a WHEN NOT MATCHED clause sees the source only), and the target also when one of
   * its WHEN MATCHED UPDATEs assigns the marker (the application's own revive).
   */
  static Set<Table> of(RewriteContext context, Merge merge) {
    ExplicitMarkers block = new ExplicitMarkers(context);
    if (!context.respectsExplicitMarkers()) {
      return block.constrained;
    }
    block.addFrom(merge.getTable(), null);
    block.addFrom(merge.getFromItem(), null);
    block.conditions.add(merge.getOnCondition());
    List<MergeOperation> operations = merge.getOperations() == null ? List.of() : merge.getOperations();
    for (MergeOperation operation : operations) {
      if (operation instanceof MergeUpdate update) {
        block.conditions.add(update.getAndPredicate());
      } else if (operation instanceof MergeDelete delete) {
        block.conditions.add(delete.getAndPredicate());
      }
    }
    block.decide();
    for (MergeOperation operation : operations) {
      if (operation instanceof MergeUpdate update && update.getUpdateSets() != null) {
        for (UpdateSet set : update.getUpdateSets()) {
          set.getColumns().forEach(column -> block.assigned(column, merge.getTable()));
        }
      }
    }
    return block.constrained;
  }

  // SET's own columns belong to the target unless qualified (PostgreSQL's SET takes no qualifier at all)
  private void assigned(Column column, Table target) {
    boolean qualified = column.getTable() != null && column.getTable().getName() != null;
    if (!qualified) {
      if (context.isSoft(target) && sameName(column.getColumnName(), context.markerOf(target).column())) {
        constrained.add(target);
      }
      return;
    }
    for (Table reference : references) {
      if (names(column, reference) && sameName(column.getColumnName(), context.markerOf(reference).column())) {
        constrained.add(reference);
      }
    }
  }

  private void addFrom(FromItem from, List<Join> joins) {
    addItem(from);
    if (joins != null) {
      for (Join join : joins) {
        addItem(join.getRightItem());
        conditions.addAll(join.getOnExpressions());
      }
    }
  }

  // a parenthesised join belongs to the same block; a derived table is a block of its own
  private void addItem(FromItem item) {
    if (item instanceof Table table && context.isSoft(table)) {
      references.add(table);
    } else if (item instanceof ParenthesedFromItem nested) {
      addFrom(nested.getFromItem(), nested.getJoins());
    }
  }

  private Set<Table> decide() {
    if (references.isEmpty()) {
      return constrained;
    }
    for (Expression condition : conditions) {
      if (condition instanceof Column column) {
        mentioned(column);
      } else if (condition != null && !(condition instanceof Select)) {
        AstWalker.walk(condition, node -> {
          if (node instanceof Column column) {
            mentioned(column);
            return false;
          }
          // a subquery decides for its own references
          return !(node instanceof Select);
        });
      }
    }
    return constrained;
  }

  private void mentioned(Column column) {
    boolean qualified = column.getTable() != null && column.getTable().getName() != null;
    Table only = null;
    int candidates = 0;
    for (Table reference : references) {
      if (!sameName(column.getColumnName(), context.markerOf(reference).column())) {
        continue;
      }
      if (qualified) {
        if (names(column, reference)) {
          constrained.add(reference);
        }
      } else {
        only = reference;
        candidates++;
      }
    }
    // unqualified and two references have the column: the application's intent is not clear, so both stay filtered
    if (candidates == 1) {
      constrained.add(only);
    }
  }

  /** Whether a column's qualifier is the reference: its alias, or its name when it has no alias. */
  private static boolean names(Column column, Table reference) {
    Table qualifier = column.getTable();
    if (reference.getAlias() != null) {
      return qualifier.getSchemaName() == null && sameName(qualifier.getName(), reference.getAlias().getName());
    }
    if (qualifier.getSchemaName() != null && reference.getSchemaName() != null
        && !sameName(qualifier.getSchemaName(), reference.getSchemaName())) {
      return false;
    }
    return sameName(qualifier.getName(), reference.getName());
  }

  private static boolean sameName(String a, String b) {
    return MultiPartName.unquote(a).equalsIgnoreCase(MultiPartName.unquote(b));
  }
}
