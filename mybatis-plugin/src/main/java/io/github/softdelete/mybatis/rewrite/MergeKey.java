package io.github.softdelete.mybatis.rewrite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Select;

/**
 * How a MERGE's ON names the target row a source row meets: by every column of the target's primary key, each
 * equal to a value of the source alone ({@code t.id = s.id}, ANDed with anything else). Then a source row meets
 * at most one target row, live or deleted, and an INSERT that writes those very values into the key would have
 * met that row's key: the deleted row is the one it revives.
 */
final class MergeKey {
  // key column (unquoted, lower case) -> the source's value it must equal
  private final Map<String, Expression> values;
  private final List<Expression> keyConditions;
  private final List<Expression> otherConditions;

  private MergeKey(Map<String, Expression> values, List<Expression> keyConditions, List<Expression> otherConditions) {
    this.values = values;
    this.keyConditions = keyConditions;
    this.otherConditions = otherConditions;
  }

  /**
   * @param key the target's primary key columns
   * @param source the name the source exposes
   * @return the match, or {@code null} when the ON does not pin every key column to a value of the source
   */
  static MergeKey of(Expression on, Table target, String source, List<String> key) {
    Map<String, Expression> values = new LinkedHashMap<>();
    List<Expression> keyConditions = new ArrayList<>();
    List<Expression> others = new ArrayList<>();
    List<Expression> conjuncts = new ArrayList<>();
    flatten(on, conjuncts);
    for (Expression conjunct : conjuncts) {
      String pinned = pinnedColumn(conjunct, target, source, key, values);
      if (pinned == null) {
        others.add(conjunct);
      } else {
        keyConditions.add(conjunct);
      }
    }
    return values.size() == key.size() ? new MergeKey(values, keyConditions, others) : null;
  }

  /** The key columns, unquoted and in lower case. */
  List<String> columns() {
    return List.copyOf(values.keySet());
  }

  /** The source's value that the key column {@code column} (any case) must equal. */
  Expression valueOf(String column) {
    return values.get(lower(column));
  }

  /**
   * The ON by which a live row matches as written and a deleted row by its key alone: {@code <key conditions>
   * AND ((<the rest>) OR <deleted>)}. A deleted row whose key the source row holds is the one its INSERT would
   * meet, whatever the rest of the ON says. The key conditions hold no parameter, so moving them first keeps the
   * order of every {@code ?}.
   */
  Expression onMatchingDeletedRowsByKey(Expression on, Expression deleted) {
    if (otherConditions.isEmpty()) {
      return on;
    }
    Expression rest = null;
    for (Expression condition : otherConditions) {
      rest = rest == null ? condition : new AndExpression(rest, condition);
    }
    Expression result = new ParenthesedExpressionList<>(new OrExpression(new ParenthesedExpressionList<>(rest),
        deleted));
    for (int i = keyConditions.size() - 1; i >= 0; i--) {
      result = new AndExpression(keyConditions.get(i), result);
    }
    return result;
  }

  private static void flatten(Expression condition, List<Expression> conjuncts) {
    if (condition instanceof AndExpression and) {
      flatten(and.getLeftExpression(), conjuncts);
      flatten(and.getRightExpression(), conjuncts);
    } else if (condition instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      flatten(list.get(0), conjuncts);
    } else {
      conjuncts.add(condition);
    }
  }

  // the key column this conjunct pins (t.k = <source value>), recorded in values; null when it pins none
  private static String pinnedColumn(Expression conjunct, Table target, String source, List<String> key,
      Map<String, Expression> values) {
    if (!(conjunct instanceof EqualsTo equals)) {
      return null;
    }
    for (int side = 0; side < 2; side++) {
      Expression column = side == 0 ? equals.getLeftExpression() : equals.getRightExpression();
      Expression value = side == 0 ? equals.getRightExpression() : equals.getLeftExpression();
      if (column instanceof Column targetColumn && namesTarget(targetColumn, target)
          && isKey(targetColumn.getColumnName(), key) && ofSourceAlone(value, source)
          && !values.containsKey(lower(targetColumn.getColumnName()))) {
        values.put(lower(targetColumn.getColumnName()), value);
        return targetColumn.getColumnName();
      }
    }
    return null;
  }

  /** Whether a column is qualified by the name the target exposes: its alias, else its name. */
  static boolean namesTarget(Column column, Table target) {
    if (ExpressionCopy.unqualified(column)) {
      return false;
    }
    Table qualifier = column.getTable();
    if (target.getAlias() != null) {
      return qualifier.getSchemaName() == null && sameName(qualifier.getName(), target.getAlias().getName());
    }
    return sameName(qualifier.getName(), target.getName()) && (qualifier.getSchemaName() == null
        || target.getSchemaName() == null || sameName(qualifier.getSchemaName(), target.getSchemaName()));
  }

  // no parameter (two ? are two values, even if the application binds the same one), no subquery, and every
  // column the source's
  private static boolean ofSourceAlone(Expression value, String source) {
    if (source == null) {
      return false;
    }
    for (Object node : ExpressionCopy.nodes(value)) {
      if (node instanceof JdbcParameter || node instanceof JdbcNamedParameter || node instanceof Select) {
        return false;
      }
      if (node instanceof Column column && (ExpressionCopy.unqualified(column)
          || column.getTable().getSchemaName() != null || !sameName(column.getTable().getName(), source))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isKey(String column, List<String> key) {
    for (String name : key) {
      if (sameName(name, column)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameName(String a, String b) {
    return lower(a).equals(lower(b));
  }

  private static String lower(String name) {
    return MultiPartName.unquote(name).toLowerCase(Locale.ROOT);
  }
}
