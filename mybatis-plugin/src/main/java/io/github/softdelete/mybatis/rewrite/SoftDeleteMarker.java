package io.github.softdelete.mybatis.rewrite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The marker column and its two states: the predicate that says a row is live (or deleted) and the value a
 * delete writes.
 */
public final class SoftDeleteMarker {
  private final String column;
  // null when live means IS NULL
  private final Expression liveValue;
  private final Expression deletedValue;
  // null when not recorded
  private final String deletedByColumn;
  private final String deleteReasonColumn;
  // further assignments of the marking and the restoring UPDATE; empty when none
  private final List<UpdateSet> onDelete;
  private final List<UpdateSet> onRestore;
  // a restore leaves who and why as they were
  private final boolean keepAuditOnRestore;

  private SoftDeleteMarker(String column, Expression liveValue, Expression deletedValue, String deletedByColumn,
      String deleteReasonColumn, List<UpdateSet> onDelete, List<UpdateSet> onRestore, boolean keepAuditOnRestore) {
    this.column = column;
    this.liveValue = liveValue;
    this.deletedValue = deletedValue;
    this.deletedByColumn = deletedByColumn;
    this.deleteReasonColumn = deleteReasonColumn;
    this.onDelete = onDelete;
    this.onRestore = onRestore;
    this.keepAuditOnRestore = keepAuditOnRestore;
  }

  /**
   * This marker, and columns that a delete fills with who and why (bound as parameters) and a restore sets
   * back to NULL.
   *
   * @param deletedByColumn an identifier, or {@code null}: not recorded
   * @param deleteReasonColumn an identifier, or {@code null}: not recorded
   */
  public SoftDeleteMarker withAuditColumns(String deletedByColumn, String deleteReasonColumn) {
    return new SoftDeleteMarker(column, liveValue, deletedValue, deletedByColumn, deleteReasonColumn, onDelete,
        onRestore, keepAuditOnRestore);
  }

  /**
   * This marker, with further assignments that the UPDATE marking a row and the UPDATE restoring it make.
   *
   * @param onDeleteSet {@code col = expr, ...} (validated by the configuration), or {@code null}: none
   * @param onRestoreSet the same for a restore, or {@code null}: none
   * @param keepAuditOnRestore a restore leaves the who and why columns as they are instead of clearing them
   * @throws IllegalArgumentException when a list is not assignments
   */
  public SoftDeleteMarker withUpdates(String onDeleteSet, String onRestoreSet, boolean keepAuditOnRestore) {
    return new SoftDeleteMarker(column, liveValue, deletedValue, deletedByColumn, deleteReasonColumn,
        assignments(onDeleteSet), assignments(onRestoreSet), keepAuditOnRestore);
  }

  private static List<UpdateSet> assignments(String sql) {
    if (sql == null || sql.isBlank()) {
      return List.of();
    }
    try {
      return List.copyOf(((Update) CCJSqlParserUtil.parse("UPDATE t SET " + sql)).getUpdateSets());
    } catch (JSQLParserException | RuntimeException e) {
      throw new IllegalArgumentException("not a list of assignments: " + sql, e);
    }
  }

  /**
   * @param column the marker column, an unquoted or quoted identifier
   * @param liveValue {@code NULL} (live means {@code IS NULL}) or a SQL expression
   * @param deletedValue the SQL expression written on delete
   * @throws IllegalArgumentException when a value is not a SQL expression
   */
  public static SoftDeleteMarker of(String column, String liveValue, String deletedValue) {
    Expression live = "NULL".equals(liveValue.trim().toUpperCase(Locale.ROOT)) ? null : grouped(expression(liveValue));
    return new SoftDeleteMarker(column, live, expression(deletedValue), null, null, List.of(), List.of(), false);
  }

  /**
   * The value in parentheses when it has an operator that binds no tighter than {@code =}: printed bare,
   * {@code deleted = 0 OR 1 = 1} would read as {@code (deleted = 0) OR 1 = 1} and show every row.
   */
  private static Expression grouped(Expression value) {
    boolean operator = value instanceof BinaryExpression || value instanceof NotExpression
        || value instanceof Between || value instanceof InExpression || value instanceof IsNullExpression
        || value instanceof IsBooleanExpression || value instanceof ExistsExpression;
    return operator ? new ParenthesedExpressionList<>(value) : value;
  }

  private static Expression expression(String sql) {
    try {
      return CCJSqlParserUtil.parseExpression(sql, false);
    } catch (JSQLParserException e) {
      throw new IllegalArgumentException("not a SQL expression: " + sql, e);
    }
  }

  public String column() {
    return column;
  }

  /**
   * Every column this marker reads or writes: the marker, who and why, and the columns of {@code onDeleteSet}
   * and {@code onRestoreSet}; unquoted, lower case.
   */
  Set<String> columnNames() {
    Set<String> names = new HashSet<>();
    names.add(column);
    if (deletedByColumn != null) {
      names.add(deletedByColumn);
    }
    if (deleteReasonColumn != null) {
      names.add(deleteReasonColumn);
    }
    for (List<UpdateSet> sets : List.of(onDelete, onRestore)) {
      for (UpdateSet set : sets) {
        set.getColumns().forEach(assigned -> names.add(assigned.getColumnName()));
      }
    }
    Set<String> unquoted = new HashSet<>();
    names.forEach(name -> unquoted.add(MultiPartName.unquote(name).toLowerCase(Locale.ROOT)));
    return unquoted;
  }

  /** The marker column, qualified when {@code qualifier} is not null. A new node each call. */
  Column columnOf(Table qualifier) {
    return qualifier == null ? new Column(column) : new Column(qualifier, column);
  }

  /** {@code q.deleted_at IS NULL}, or {@code q.deleted = 0}. */
  Expression live(Table qualifier) {
    Column marker = columnOf(qualifier);
    // the value nodes are shared between statements: they are only ever printed, never changed
    return liveValue == null ? new IsNullExpression(marker) : new EqualsTo(marker, liveValue);
  }

  /** {@code q.deleted_at IS NOT NULL}, or {@code q.deleted <> 0}. */
  Expression deleted(Table qualifier) {
    Column marker = columnOf(qualifier);
    return liveValue == null ? new IsNullExpression(marker).withNot(true) : new NotEqualsTo(marker, liveValue);
  }

  /** What a delete writes into the marker column, as SQL text. */
  public String deletedValueSql() {
    return deletedValue.toString();
  }

  /** The live value as SQL text: {@code NULL} when live means {@code IS NULL}. */
  public String liveValueSql() {
    return liveValue().toString();
  }

  /** What a delete writes into the marker column. */
  Expression deletedValue() {
    return deletedValue;
  }

  /** What a restore writes into the marker column: the live value, or NULL. */
  Expression liveValue() {
    return liveValue == null ? new NullValue() : liveValue;
  }

  /** The column that records who deleted, or {@code null}. */
  String deletedByColumn() {
    return deletedByColumn;
  }

  /** The column that records why, or {@code null}. */
  String deleteReasonColumn() {
    return deleteReasonColumn;
  }

  /**
   * What the marking ({@code restore} false) or restoring UPDATE writes besides the marker: the audit columns
   * (on a restore NULL, unless they are kept) and the configured further assignments, each column qualified
   * when {@code qualifier} is not null. {@code who} and {@code why} are the values a delete binds.
   */
  List<UpdateSet> sideEffects(Table qualifier, boolean restore, Expression who, Expression why) {
    List<UpdateSet> sets = new ArrayList<>();
    if (!(restore && keepAuditOnRestore)) {
      if (deletedByColumn != null) {
        sets.add(new UpdateSet(column(qualifier, deletedByColumn), restore ? new NullValue() : who));
      }
      if (deleteReasonColumn != null) {
        sets.add(new UpdateSet(column(qualifier, deleteReasonColumn), restore ? new NullValue() : why));
      }
    }
    for (UpdateSet configured : restore ? onRestore : onDelete) {
      // the value nodes are shared between statements: they are only ever printed, never changed
      sets.add(new UpdateSet(column(qualifier, configured.getColumns().get(0).getColumnName()),
          configured.getValues().get(0)));
    }
    return sets;
  }

  private static Column column(Table qualifier, String name) {
    return qualifier == null ? new Column(name) : new Column(qualifier, name);
  }
}
