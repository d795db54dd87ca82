package io.github.softdelete.mybatis.rewrite;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Hides deleted rows from a SELECT at every depth: its CTEs, the branches of a set operation, derived
 * tables, and every subquery in any expression. The references the context shows the deleted rows of
 * ({@link TrashEntities}) get the deleted predicate instead, wherever they stand.
 */
final class SelectFilter {
  private final RewriteContext context;

  SelectFilter(RewriteContext context) {
    this.context = context;
  }

  void filter(Select select) {
    withCtes(select.getWithItemsList(), () -> filterBody(select));
  }

  /** Filters the bodies of a WITH clause, then runs {@code body} with the CTE names in scope. */
  void withCtes(List<WithItem<?>> withItems, Runnable body) {
    if (withItems == null || withItems.isEmpty()) {
      body.run();
      return;
    }
    context.openCteScope();
    try {
      // WITH RECURSIVE lets every CTE see every name; a plain WITH only the ones declared before it
      boolean recursive = withItems.stream().anyMatch(WithItem::isRecursive);
      if (recursive) {
        withItems.forEach(item -> context.declareCte(item.getAliasName()));
      }
      for (WithItem<?> item : withItems) {
        filterCteBody(item);
        context.declareCte(item.getAliasName());
      }
      body.run();
    } finally {
      context.closeCteScope();
    }
  }

  private void filterCteBody(WithItem<?> item) {
    if (item.getParenthesedStatement() instanceof ParenthesedSelect body) {
      filter(body);
    }
    // a data-modifying CTE (WITH d AS (DELETE ...)) is left to the coverage check, which refuses it when it
    // touches a soft table
  }

  private void filterBody(Select select) {
    if (select instanceof PlainSelect plain) {
      filterSubqueries(plain, Set.of());
      if (plain.getForUpdateTable() != null) {
        // FOR UPDATE OF t names a lock target, not a row source
        context.handled(plain.getForUpdateTable());
      }
      JoinPlacement.place(context, plain);
    } else if (select instanceof SetOperationList setOperation) {
      for (Select branch : setOperation.getSelects()) {
        filter(branch);
      }
      Set<Object> branches = Collections.newSetFromMap(new IdentityHashMap<>());
      branches.addAll(setOperation.getSelects());
      filterSubqueries(setOperation, branches);
    } else if (select instanceof ParenthesedSelect parenthesed) {
      filter(parenthesed.getSelect());
    } else {
      // VALUES and the like: only their expressions can hold a subquery
      filterSubqueries(select, Set.of());
    }
  }

  /**
   * Filters every SELECT nested anywhere under {@code node} (derived tables, subqueries in any expression),
   * except the given ones, which the caller deals with.
   */
  void filterSubqueries(Object node, Set<Object> except) {
    AstWalker.walk(node, child -> {
      if (child instanceof WithItem<?> || child instanceof Table || except.contains(child)) {
        return false;
      }
      if (child instanceof Select nested) {
        filter(nested);
        return false;
      }
      return true;
    });
  }
}
