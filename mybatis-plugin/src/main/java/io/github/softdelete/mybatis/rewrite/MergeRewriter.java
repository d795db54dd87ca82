package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.TableColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The SQL-standard MERGE on a soft target behaves as if the deleted rows did not exist (on H2 and PostgreSQL):
 *
 * <ul>
 *   <li>without WHEN NOT MATCHED: {@code ON (<on>) AND <live>}: a deleted row matches nothing;
 *   <li>with WHEN NOT MATCHED, whose ON must pin the primary key ({@link MergeKey}): every WHEN MATCHED clause
 *       gets {@code AND <live>}, and each WHEN NOT MATCHED INSERT a WHEN MATCHED clause after them all that
 *       revives the deleted row it meets with what it would have inserted ({@link MergeRevival});
 *   <li>WHEN MATCHED THEN DELETE marks the live row ({@code UPDATE SET <marker> = <deletedValue>, audit}); in
 *       HardDelete it erases it.
 * </ul>
 *
 * The source is filtered like any FROM item, its subqueries and those of every clause like any subquery.
 * Inside IncludeDeleted (or an {@code IncludeDeleted.tables(...)} scope that lists the target), or where the MERGE
 * tests or assigns the target's marker itself (the application's own revive), the target's clauses stay as
 * written except that DELETE still marks, live rows only.
 */
final class MergeRewriter {
  private final RewriteContext context;
  private final SelectFilter selects;
  private final Dialect dialect;
  private final TableColumns columns;

  MergeRewriter(RewriteContext context, SelectFilter selects, Dialect dialect, TableColumns columns) {
    this.context = context;
    this.selects = selects;
    this.dialect = dialect;
    this.columns = columns;
  }

  Merge rewrite(Merge merge) {
    selects.withCtes(merge.getWithItemsList(), () -> rewriteBody(merge));
    return merge;
  }

  private void rewriteBody(Merge merge) {
    Table target = merge.getTable();
    context.handled(target);
    // decided on the statement as written, before any predicate mentions a marker
    context.constrainedByApplication(ExplicitMarkers.of(context, merge));
    if (context.isSoft(target)) {
      // the revive copies the WHEN NOT MATCHED values before their subqueries are filtered: the copies are too
      convertTarget(merge, target);
    }
    FromItem source = JoinPlacement.placeBesideTarget(context, merge.getFromItem(), null, null);
    merge.setFromItem(source);
    selects.filterSubqueries(merge, Set.of());
  }

  private void convertTarget(Merge merge, Table target) {
    List<MergeOperation> operations = merge.getOperations() == null ? List.of() : merge.getOperations();
    checkStandardForm(merge, target, operations);
    boolean deletes = operations.stream().anyMatch(MergeDelete.class::isInstance);
    // a target whose deleted rows the scope shows (IncludeDeleted, or a table it lists) meets them as written
    if (!context.filters(target) || context.isConstrainedByApplication(target)) {
      if (context.filters(target)) {
        context.leftAsWritten(target);
      }
      if (deletes) {
        markDeletesOfLiveRowsOnly(merge, target, operations);
      }
      return;
    }
    if (deletes && context.mode == SoftDeleteMode.UNDELETE) {
      throw refused(target, "Undelete restores the rows a DELETE statement names; a MERGE's WHEN MATCHED THEN"
          + " DELETE is not turned into a restore; restore with DELETE FROM ... WHERE ... inside Undelete.run(...)");
    }
    requireDialect(target);
    boolean erase = context.mode == SoftDeleteMode.HARD_DELETE;
    if (deletes && !erase) {
      refuseCascades(target);
    }
    if (deletes) {
      refuseRestricts(target);
    }
    SoftDeleteMarker marker = context.markerOf(target);
    Table qualifier = RewriteContext.qualifierTable(target);
    List<MergeInsert> inserts = new ArrayList<>();
    for (MergeOperation operation : operations) {
      if (operation instanceof MergeInsert insert) {
        inserts.add(insert);
      }
    }
    List<MergeOperation> rewritten = new ArrayList<>(operations.size() + inserts.size());
    if (inserts.isEmpty()) {
      // nothing is inserted where no row matches: a deleted row matching nothing is exactly its absence
      merge.setOnCondition(Predicates.and(merge.getOnCondition(), marker.live(qualifier)));
      for (MergeOperation operation : operations) {
        rewritten.add(operation instanceof MergeDelete delete && !erase ? marking(delete, target, null) : operation);
      }
    } else {
      String source = sourceName(merge.getFromItem());
      MergeKey key = keyOf(merge, target, source);
      MergeRevival revival = new MergeRevival(context, columns, target, source, key);
      for (MergeOperation operation : operations) {
        rewritten.add(guarded(operation, target, erase));
      }
      // after every clause the MERGE had: a deleted row fails each of their live tests, in order, as before
      for (MergeInsert insert : inserts) {
        rewritten.add(revival.of(insert));
      }
      merge.setOnCondition(key.onMatchingDeletedRowsByKey(merge.getOnCondition(), marker.deleted(qualifier)));
    }
    merge.setOperations(rewritten);
    context.changed();
  }

  /** A WHEN MATCHED clause for live rows only: a deleted row the ON matches is one no row stands for. */
  private MergeOperation guarded(MergeOperation operation, Table target, boolean erase) {
    Expression live = context.markerOf(target).live(RewriteContext.qualifierTable(target));
    if (operation instanceof MergeUpdate update) {
      update.setAndPredicate(Predicates.and(update.getAndPredicate(), live));
      return update;
    }
    if (operation instanceof MergeDelete delete) {
      if (erase) {
        delete.setAndPredicate(Predicates.and(delete.getAndPredicate(), live));
        return delete;
      }
      return marking(delete, target, live);
    }
    return operation;
  }

  /**
   * Where deleted rows take part as written, only DELETE changes: it marks live rows, as a DELETE statement does
   * there. A deleted row it matches then goes on to the next WHEN MATCHED clause, which would not have seen it.
   */
  private void markDeletesOfLiveRowsOnly(Merge merge, Table target, List<MergeOperation> operations) {
    requireDialect(target);
    refuseCascades(target);
    refuseRestricts(target);
    Expression live = context.markerOf(target).live(RewriteContext.qualifierTable(target));
    List<MergeOperation> rewritten = new ArrayList<>(operations.size());
    boolean afterDelete = false;
    for (MergeOperation operation : operations) {
      if (afterDelete && !(operation instanceof MergeInsert)) {
        throw refused(target, "a WHEN MATCHED THEN DELETE marks live rows only, so where deleted rows take part"
            + " (IncludeDeleted, or a MERGE that handles the marker itself) a deleted row it matches would go on"
            + " to the WHEN MATCHED clause after it; put the DELETE clause last of the WHEN MATCHED clauses");
      }
      if (operation instanceof MergeDelete delete) {
        rewritten.add(marking(delete, target, live));
        afterDelete = true;
      } else {
        rewritten.add(operation);
      }
    }
    merge.setOperations(rewritten);
    context.changed();
  }

  /** {@code WHEN MATCHED [AND (p) AND <live>] THEN UPDATE SET <marker> = <deletedValue>[, audit = ?]}. */
  private MergeUpdate marking(MergeDelete delete, Table target, Expression live) {
    SoftDeleteMarker marker = context.markerOf(target);
    List<UpdateSet> sets = new ArrayList<>();
    sets.add(new UpdateSet(marker.columnOf(null), marker.deletedValue()));
    if (marker.deletedByColumn() != null) {
      sets.add(new UpdateSet(new Column(marker.deletedByColumn()), Placeholders.of(Binding.Added.DELETED_BY)));
    }
    if (marker.deleteReasonColumn() != null) {
      sets.add(new UpdateSet(new Column(marker.deleteReasonColumn()), Placeholders.of(Binding.Added.DELETE_REASON)));
    }
    MergeUpdate update = new MergeUpdate(sets);
    update.setAndPredicate(live == null ? delete.getAndPredicate() : Predicates.and(delete.getAndPredicate(), live));
    return update;
  }

  private MergeKey keyOf(Merge merge, Table target, String source) {
    List<String> key = columns.primaryKey(target.getUnquotedName());
    if (key.isEmpty()) {
      throw refused(target, "a MERGE with WHEN NOT MATCHED can meet a soft-deleted row, which softdelete revives"
          + " only when the ON matches the table's primary key, and the primary key of "
          + RewriteContext.displayName(target) + " is not known; give the table a primary key, or test the"
          + " marker in ON yourself (AND " + context.markerOf(target).live(RewriteContext.qualifierTable(target))
          + "), which leaves the MERGE as written");
    }
    if (source != null && sameName(source, RewriteContext.exposedName(target))) {
      throw refused(target, "the MERGE's source is named " + source + " like its target; give one of them an"
          + " alias");
    }
    MergeKey match = MergeKey.of(merge.getOnCondition(), target, source, key);
    if (match == null) {
      String qualifier = RewriteContext.qualifierTable(target).toString();
      String example = String.join(" AND ", key.stream()
          .map(column -> qualifier + "." + column + " = " + (source == null ? "s" : source) + "." + column)
          .toList());
      throw refused(target, "a MERGE with WHEN NOT MATCHED can meet a soft-deleted row, which softdelete revives"
          + " exactly only when the ON matches every primary key column (" + String.join(", ", key) + ") to a"
          + " value of the source alone, qualified, without parameters (ON " + example + "); match on the key,"
          + " or test the marker in ON yourself (AND " + context.markerOf(target).live(RewriteContext
          .qualifierTable(target)) + "), which leaves the MERGE as written");
    }
    return match;
  }

  /** The name the source exposes, by which its columns are named in the target's scope; null when none. */
  private static String sourceName(FromItem source) {
    if (source.getAlias() != null) {
      return source.getAlias().getName();
    }
    return source instanceof Table table ? table.getName() : null;
  }

  // forms other databases write: not converted
  private void checkStandardForm(Merge merge, Table target, List<MergeOperation> operations) {
    if (merge.getOutputClause() != null) {
      throw refused(target, "a MERGE with OUTPUT is not converted; run it without");
    }
    for (MergeOperation operation : operations) {
      boolean oracle = operation instanceof MergeUpdate update
          && (update.getWhereCondition() != null || update.getDeleteWhereCondition() != null)
          || operation instanceof MergeInsert insert && insert.getWhereCondition() != null;
      if (oracle) {
        throw refused(target, "Oracle's WHEN MATCHED THEN UPDATE ... WHERE / DELETE WHERE and WHEN NOT MATCHED"
            + " THEN INSERT ... WHERE are not converted; write the condition as WHEN [NOT] MATCHED AND ... THEN");
      }
    }
  }

  private void requireDialect(Table target) {
    if (dialect == Dialect.H2 || dialect == Dialect.POSTGRESQL) {
      return;
    }
    String here = dialect == Dialect.MYSQL ? " (this is MYSQL, which has no MERGE: write INSERT ... ON DUPLICATE"
        + " KEY UPDATE, which softdelete converts there)"
        : dialect == Dialect.UNKNOWN ? " (the database is not known here)" : " (this is " + dialect + ")";
    throw refused(target, "a MERGE may update, delete or insert beside a soft-deleted row it meets; softdelete"
        + " converts MERGE exactly only on H2 and PostgreSQL" + here + (context.filters()
            ? "; run it inside IncludeDeleted.run(...) if deleted rows may take part as written" : ""));
  }

  private void refuseCascades(Table target) {
    if (new CascadeRewriter(context).hasChildren(target)) {
      throw refused(target, "the table has cascades, which a MERGE's WHEN MATCHED THEN DELETE cannot apply to its"
          + " children; delete with DELETE FROM ... WHERE ...");
    }
  }

  private void refuseRestricts(Table target) {
    if (new IntegrityChecks(context).isRestrictParent(target)) {
      throw refused(target, "the table has restrict relations, which a MERGE's WHEN MATCHED THEN DELETE cannot"
          + " check first; delete with DELETE FROM ... WHERE ...");
    }
  }

  private static boolean sameName(String a, String b) {
    return MultiPartName.unquote(a).toLowerCase(Locale.ROOT).equals(MultiPartName.unquote(b).toLowerCase(Locale.ROOT));
  }

  private static RewriteRefusedException refused(Table target, String reason) {
    return new RewriteRefusedException(RewriteContext.displayName(target), reason);
  }
}
