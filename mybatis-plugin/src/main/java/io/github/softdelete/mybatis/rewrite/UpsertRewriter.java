package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.catalog.TableColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BinaryOperator;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * An INSERT into a soft table that may meet an existing row's key behaves as if the deleted rows did not
 * exist: meeting a deleted row, it revives it with exactly the inserted values and the audit columns
 * cleared; meeting a live row, it does what it always did. Each assignment is made conditional on the row
 * met being live:
 *
 * <ul>
 *   <li>MySQL / MariaDB {@code ON DUPLICATE KEY UPDATE c = e}: {@code c = IF(<live>, e, VALUES(c))}, every
 *       every other column {@code IF(<live>, c, VALUES(c))} (the columns it does not name too, when the
 *       table's columns are known: a revived row is as if newly inserted), the audit columns and last the
 *       marker (MySQL's SET reads values assigned before it, so the liveness test must still see the old marker).
 *   <li>PostgreSQL {@code ON CONFLICT ... DO UPDATE SET c = e WHERE w}: {@code CASE WHEN <live> THEN e ELSE
 *       EXCLUDED.c END}, likewise for the rest, and {@code WHERE <deleted> OR (w)}; {@code ON CONFLICT (k) DO
 *       NOTHING} becomes {@code DO UPDATE SET <revive> WHERE <deleted>}.
 * </ul>
 *
 * The forms that cannot be made exact on the statement's database are refused with the reason.
 */
final class UpsertRewriter {
  private final RewriteContext context;
  private final Dialect dialect;
  private final TableColumns columns;

  UpsertRewriter(RewriteContext context, Dialect dialect, TableColumns columns) {
    this.context = context;
    this.dialect = dialect;
    this.columns = columns;
  }

  /** Rewrites {@code insert}, whose target is soft, when it can meet an existing row's key; plain INSERTs stay. */
  void rewrite(Insert insert) {
    Table target = insert.getTable();
    InsertConflictAction conflict = insert.getConflictAction();
    if (context.respectsExplicitMarkers() && assignsMarker(insert, conflict)) {
      // a hand-written revive (ON DUPLICATE KEY UPDATE deleted_at = NULL): the application decides, as for UPDATE
      context.leftAsWritten(target);
      return;
    }
    if (insert.isUseDuplicate()) {
      requireDialect(target, Dialect.MYSQL, "INSERT ... ON DUPLICATE KEY UPDATE");
      reviveOnDuplicateKey(insert);
    } else if (insert.isModifierIgnore()) {
      throw refused(target, "INSERT IGNORE would silently insert nothing where a soft-deleted row holds the"
          + " key, and its conversion to ON DUPLICATE KEY UPDATE would count a live duplicate as 1 row (not 0)"
          + " under MariaDB Connector/J's default found-rows counting; write INSERT ... ON DUPLICATE KEY UPDATE,"
          + " or run it inside IncludeDeleted.run(...) where the table's unique keys exclude deleted rows");
    } else if (conflict != null && conflict.getConflictActionType() == ConflictActionType.DO_UPDATE) {
      requireDialect(target, Dialect.POSTGRESQL, "INSERT ... ON CONFLICT DO UPDATE");
      reviveOnConflictUpdate(insert, conflict);
    } else if (conflict != null) {
      requireDialect(target, Dialect.POSTGRESQL, "INSERT ... ON CONFLICT DO NOTHING");
      reviveOnConflictNothing(insert);
    } else {
      return;
    }
    context.changed();
  }

  private void requireDialect(Table target, Dialect required, String form) {
    if (dialect != required) {
      throw refused(target, "an upsert (ON DUPLICATE KEY UPDATE / ON CONFLICT DO UPDATE) may update a"
          + " soft-deleted row whose key it meets (ON CONFLICT DO NOTHING: skip it); softdelete converts " + form
          + " exactly only on " + (required == Dialect.MYSQL ? "MySQL / MariaDB" : "PostgreSQL")
          + (dialect == Dialect.UNKNOWN ? " (the database is not known here)" : " (this is " + dialect + ")")
          + (dialect == Dialect.H2 ? "; on H2 write the standard " + MergeHints.STANDARD + ", which softdelete"
              + " converts (H2's MySQL mode has neither IF() nor VALUES(c) of a column the INSERT does not list,"
              + " which the ON DUPLICATE KEY UPDATE conversion needs)" : "")
          + "; check for a live row first, or run it inside IncludeDeleted.run(...) if reviving deleted rows"
          + " as written is intended");
    }
  }

  private void reviveOnDuplicateKey(Insert insert) {
    SoftDeleteMarker marker = context.markerOf(insert.getTable());
    Table qualifier = RewriteContext.qualifierTable(insert.getTable());
    insert.withDuplicateUpdateSets(revivingSets(insert, insert.getDuplicateUpdateSets(), new Revival(
        (whenLive, whenDeleted) -> new Function("IF", marker.live(qualifier), whenLive, whenDeleted),
        column -> new Function("VALUES", new Column(column.getColumnName())))));
  }

  private void reviveOnConflictUpdate(Insert insert, InsertConflictAction conflict) {
    Table target = insert.getTable();
    for (UpdateSet set : conflict.getUpdateSets()) {
      if (set.getValues().size() == 1 && isDefaultKeyword(set.getValue(0))) {
        throw refused(target, "ON CONFLICT DO UPDATE SET " + set.getColumn(0).getColumnName() + " = DEFAULT cannot"
            + " be made conditional on the row being live (DEFAULT cannot stand inside CASE); assign the value"
            + " itself");
      }
    }
    SoftDeleteMarker marker = context.markerOf(target);
    Table qualifier = RewriteContext.qualifierTable(target);
    conflict.setUpdateSets(revivingSets(insert, conflict.getUpdateSets(), new Revival((whenLive, whenDeleted) -> {
      CaseExpression choice = new CaseExpression(new WhenClause(marker.live(qualifier), whenLive));
      choice.setElseExpression(whenDeleted);
      return choice;
    }, UpsertRewriter::excluded)));
    if (conflict.getWhereExpression() != null) {
      // the application's condition decides for live rows only; a deleted row is always revived
      conflict.setWhereExpression(new OrExpression(marker.deleted(qualifier),
          new ParenthesedExpressionList<>(conflict.getWhereExpression())));
    }
  }

  private void reviveOnConflictNothing(Insert insert) {
    Table target = insert.getTable();
    if (insert.getConflictTarget() == null) {
      throw refused(target, "ON CONFLICT DO NOTHING without a conflict target cannot revive a soft-deleted row"
          + " whose key it meets (DO UPDATE needs the target); name it: ON CONFLICT (key) DO NOTHING");
    }
    if (!isSingleRow(insert)) {
      throw refused(target, "ON CONFLICT DO NOTHING of several rows (or of a SELECT) cannot revive deleted rows"
          + " exactly: as DO UPDATE it would fail where two of its rows share a key, which DO NOTHING skips;"
          + " insert one row per statement");
    }
    SoftDeleteMarker marker = context.markerOf(target);
    InsertConflictAction revive = new InsertConflictAction(ConflictActionType.DO_UPDATE);
    // the WHERE lets only a deleted row through, so every assignment is the revival's
    revive.setUpdateSets(revivingSets(insert, List.of(),
        new Revival((whenLive, whenDeleted) -> whenDeleted, UpsertRewriter::excluded)));
    // a live row is left alone, as DO NOTHING does: no row updated, none counted
    revive.setWhereExpression(marker.deleted(RewriteContext.qualifierTable(target)));
    insert.setConflictAction(revive);
  }

  /**
   * How one database says, per row met, "a live row gets this, a deleted one that", and what the insert
   * proposes for a column ({@code VALUES(c)}, {@code EXCLUDED.c}: the inserted value, or the column's default).
   */
  private record Revival(BinaryOperator<Expression> choose, java.util.function.Function<Column, Expression> proposed) {}

  /**
   * The assignments of an upsert's update part that revive a deleted row: the statement's own assignments for a
   * live row, and for a deleted one what the insert proposes, for every column it writes and then every other
   * column the table has (but its key and generated ones); the audit columns cleared; last the marker, since
   * MySQL's SET reads the values assigned before it, so every test before must still see the row's own marker.
   */
  private List<UpdateSet> revivingSets(Insert insert, List<UpdateSet> written, Revival revival) {
    Table target = insert.getTable();
    Table qualifier = RewriteContext.qualifierTable(target);
    SoftDeleteMarker marker = context.markerOf(target);
    List<UpdateSet> sets = new ArrayList<>();
    Set<String> named = new HashSet<>();
    for (UpdateSet set : written) {
      Column column = singleColumn(target, set);
      named.add(key(column.getColumnName()));
      sets.add(new UpdateSet(column, revival.choose().apply(set.getValue(0), revival.proposed().apply(column))));
    }
    List<Column> inserted = insertedColumns(insert);
    List<Column> rest = new ArrayList<>();
    for (Column column : inserted) {
      if (!isDeletionColumn(column, marker) && named.add(key(column.getColumnName()))) {
        rest.add(new Column(column.getColumnName()));
      }
    }
    rest.addAll(notNamed(target, marker, named));
    for (Column column : rest) {
      sets.add(new UpdateSet(column, revival.choose().apply(new Column(qualifier, column.getColumnName()),
          revival.proposed().apply(column))));
    }
    for (String audit : auditColumns(marker)) {
      Column column = new Column(audit);
      sets.add(new UpdateSet(column, revival.choose().apply(new Column(qualifier, audit),
          names(inserted, audit) ? revival.proposed().apply(column) : new NullValue())));
    }
    Column markerColumn = marker.columnOf(null);
    sets.add(new UpdateSet(markerColumn, revival.choose().apply(marker.columnOf(qualifier),
        names(inserted, marker.column()) ? revival.proposed().apply(markerColumn) : marker.liveValue())));
    return sets;
  }

  /**
   * The columns the INSERT names. A revive writes exactly those; without the list the engine cannot tell
   * them. The marker and audit columns among them (a generated insert names every column) are inserted
   * values like the others: a revived row takes them.
   */
  private List<Column> insertedColumns(Insert insert) {
    if (insert.getColumns() == null || insert.getColumns().isEmpty()) {
      throw refused(insert.getTable(), "an upsert without a column list cannot revive a soft-deleted row with"
          + " exactly the inserted values, since softdelete does not know the table's columns; name the columns");
    }
    return new ArrayList<>(insert.getColumns());
  }

  /**
   * The target's columns the statement neither inserts nor assigns (nor the marker or audit columns), which a
   * revived row takes afresh; each is added to {@code named}.
   */
  private List<Column> notNamed(Table target, SoftDeleteMarker marker, Set<String> named) {
    List<Column> rest = new ArrayList<>();
    for (String name : columns.resetOnRevive(target.getUnquotedName())) {
      if (!isDeletionColumn(new Column(name), marker) && named.add(key(name))) {
        rest.add(new Column(quoted(name)));
      }
    }
    return rest;
  }

  // the name as the database stores it, quoted: exact whatever its case, and safe if it is a keyword
  private String quoted(String name) {
    return dialect == Dialect.MYSQL ? "`" + name.replace("`", "``") + "`" : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Whether the update part of an upsert assigns the target's marker column itself. */
  private boolean assignsMarker(Insert insert, InsertConflictAction conflict) {
    List<UpdateSet> sets = insert.isUseDuplicate() ? insert.getDuplicateUpdateSets()
        : conflict != null ? conflict.getUpdateSets() : null;
    if (sets == null) {
      return false;
    }
    String marker = key(context.markerOf(insert.getTable()).column());
    for (UpdateSet set : sets) {
      for (Column column : set.getColumns()) {
        if (key(column.getColumnName()).equals(marker)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean names(List<Column> columns, String name) {
    for (Column column : columns) {
      if (key(column.getColumnName()).equals(key(name))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDeletionColumn(Column column, SoftDeleteMarker marker) {
    String name = key(column.getColumnName());
    if (name.equals(key(marker.column()))) {
      return true;
    }
    for (String audit : auditColumns(marker)) {
      if (name.equals(key(audit))) {
        return true;
      }
    }
    return false;
  }

  private Column singleColumn(Table target, UpdateSet set) {
    if (set.getColumns().size() != 1 || set.getValues().size() != 1) {
      throw refused(target, "an upsert assigning several columns at once ((a, b) = ...) is not converted;"
          + " assign each column on its own");
    }
    Column column = set.getColumn(0);
    checkNotDeletionColumn(target, column, context.markerOf(target));
    return column;
  }

  // the update part assigning an audit column (the marker is decided above): whose deletion would it record?
  private void checkNotDeletionColumn(Table target, Column column, SoftDeleteMarker marker) {
    if (isDeletionColumn(column, marker)) {
      throw refused(target, "the upsert writes the column " + column.getColumnName() + " that records deletion,"
          + " so it decides about deleted rows itself; run it inside IncludeDeleted.run(...)");
    }
  }

  private static List<String> auditColumns(SoftDeleteMarker marker) {
    List<String> columns = new ArrayList<>(2);
    if (marker.deletedByColumn() != null) {
      columns.add(marker.deletedByColumn());
    }
    if (marker.deleteReasonColumn() != null) {
      columns.add(marker.deleteReasonColumn());
    }
    return columns;
  }

  private static boolean isSingleRow(Insert insert) {
    if (!(insert.getSelect() instanceof Values values) || values.getExpressions() == null) {
      return false;
    }
    ExpressionList<?> rows = values.getExpressions();
    // VALUES (a, b) holds the row's values; VALUES (a, b), (c, d) holds one list per row
    return rows.isEmpty() || !(rows.get(0) instanceof ExpressionList<?>) || rows.size() == 1;
  }

  private static boolean isDefaultKeyword(Expression value) {
    return value instanceof Column column && column.getTable() == null
        && "DEFAULT".equalsIgnoreCase(column.getColumnName());
  }

  private static Column excluded(Column column) {
    return new Column(new Table("EXCLUDED"), column.getColumnName());
  }

  private static String key(String name) {
    return MultiPartName.unquote(name).toLowerCase(Locale.ROOT);
  }

  private static RewriteRefusedException refused(Table target, String reason) {
    return new RewriteRefusedException(RewriteContext.displayName(target), reason);
  }
}
