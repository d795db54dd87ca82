package io.github.softdelete.mybatis.rewrite;

import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/** Joining added predicates to a condition the application wrote. */
final class Predicates {
  private Predicates() {}

  /**
   * {@code (original) AND p1 AND p2 ...}. The original is parenthesised first, so that an {@code OR} in it
   * cannot swallow what is added.
   */
  static Expression and(Expression original, List<Expression> added) {
    Expression result = original == null ? null : parenthesised(original);
    for (Expression predicate : added) {
      result = result == null ? predicate : new AndExpression(result, predicate);
    }
    return result;
  }

  static Expression and(Expression original, Expression added) {
    return and(original, List.of(added));
  }

  private static Expression parenthesised(Expression expression) {
    if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return expression;
    }
    return new ParenthesedExpressionList<>(expression);
  }
}
