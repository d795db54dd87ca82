package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.SoftDeleteMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.update.Update;

/**
 * An UPDATE leaves deleted rows alone: {@code ... WHERE (<where>) AND <live>} on a soft target, and every
 * table it reads (subqueries, {@code FROM}, joins) is filtered. In {@code OnlyDeleted} the target's
 * condition is inverted, so that a restore written as an UPDATE reaches the deleted rows. Elsewhere a target
 * that an {@code IncludeDeleted.tables(...)} scope lists gets no condition, as in {@code IncludeDeleted}. A target whose
 * marker the UPDATE assigns or constrains itself (a hand-written soft delete or restore) is left as written.
 */
final class UpdateRewriter {
  private final RewriteContext context;
  private final SelectFilter selects;

  UpdateRewriter(RewriteContext context, SelectFilter selects) {
    this.context = context;
    this.selects = selects;
  }

  Update rewrite(Update update) {
    selects.withCtes(update.getWithItemsList(), () -> rewriteBody(update));
    return update;
  }

  private void rewriteBody(Update update) {
    Table target = update.getTable();
    UnrunnableForms.checkUpdate(update, RewriteContext.displayName(target));
    context.handled(target);
    context.constrainedByApplication(ExplicitMarkers.of(context, update));
    selects.filterSubqueries(update, Set.of());
    List<Expression> where = new ArrayList<>();
    boolean multiTable = update.getFromItem() != null || update.getStartJoins() != null
        && !update.getStartJoins().isEmpty();
    if (update.getStartJoins() != null && !update.getStartJoins().isEmpty()) {
      // MySQL: UPDATE t JOIN u ON ... SET ...
      JoinPlacement.placeBesideTarget(context, target, update.getStartJoins(), where);
    }
    if (update.getFromItem() != null) {
      // PostgreSQL: UPDATE t SET ... FROM u JOIN v ...
      update.setFromItem(
          JoinPlacement.placeBesideTarget(context, update.getFromItem(), update.getJoins(), where));
    }
    // the table scope opens the target's deleted rows, except to OnlyDeleted, whose UPDATE touches only those
    boolean filtersTarget = context.filters()
        && (context.mode == SoftDeleteMode.ONLY_DELETED || !context.readsAllRowsOf(target));
    if (context.isSoft(target) && filtersTarget && context.isConstrainedByApplication(target)) {
      context.leftAsWritten(target);
    } else if (context.isSoft(target) && filtersTarget) {
      Table qualifier = multiTable ? RewriteContext.qualifierTable(target) : null;
      SoftDeleteMarker marker = context.markerOf(target);
      where.add(context.mode == SoftDeleteMode.ONLY_DELETED ? marker.deleted(qualifier) : marker.live(qualifier));
    }
    if (!where.isEmpty()) {
      context.changed();
      update.setWhere(Predicates.and(update.getWhere(), where));
    }
  }
}
