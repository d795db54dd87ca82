package io.github.softdelete.mybatis.rewrite;

import java.util.Locale;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
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
import net.sf.jsqlparser.schema.Table;

/**
 * The marker column and its two states: the predicate that says a row is live (or deleted) and the value a
 * delete writes.
 */
public final class SoftDeleteMarker {
  private final String column;
  // null when live means IS NULL
  private final Expression liveValue;
  private final Expression deletedValue;

  private SoftDeleteMarker(String column, Expression liveValue, Expression deletedValue) {
    this.column = column;
    this.liveValue = liveValue;
    this.deletedValue = deletedValue;
  }

  /**
   * @param column the marker column, an unquoted or quoted identifier
   * @param liveValue {@code NULL} (live means {@code IS NULL}) or a SQL expression
   * @param deletedValue the SQL expression written on delete
   * @throws IllegalArgumentException when a value is not a SQL expression
   */
  public static SoftDeleteMarker of(String column, String liveValue, String deletedValue) {
    Expression live = "NULL".equals(liveValue.trim().toUpperCase(Locale.ROOT)) ? null : grouped(expression(liveValue));
    return new SoftDeleteMarker(column, live, expression(deletedValue));
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

  /** The marker column, qualified when {@code qualifier} is not null. A new node each call. */
  Column columnOf(String qualifier) {
    return qualifier == null ? new Column(column) : new Column(new Table(qualifier), column);
  }

  /** {@code q.deleted_at IS NULL}, or {@code q.deleted = 0}. */
  Expression live(String qualifier) {
    Column marker = columnOf(qualifier);
    // the value nodes are shared between statements: they are only ever printed, never changed
    return liveValue == null ? new IsNullExpression(marker) : new EqualsTo(marker, liveValue);
  }

  /** {@code q.deleted_at IS NOT NULL}, or {@code q.deleted <> 0}. */
  Expression deleted(String qualifier) {
    Column marker = columnOf(qualifier);
    return liveValue == null ? new IsNullExpression(marker).withNot(true) : new NotEqualsTo(marker, liveValue);
  }

  /** What a delete writes into the marker column. */
  Expression deletedValue() {
    return deletedValue;
  }
}
