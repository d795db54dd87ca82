package io.github.softdelete.mybatis.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Select;

/**
 * A second copy of an expression the application wrote, printed once more elsewhere in the same statement (a
 * MERGE's WHEN NOT MATCHED values, again in the clause that revives a deleted row). Its {@code ?} stay bound to
 * the application's own parameters ({@link Placeholders#copyOf}). Its unqualified columns are qualified by the
 * source's name: where they were written only the source was in scope, where the copy goes the target is too.
 */
final class ExpressionCopy {
  // unqualified names the parser reads as columns though they are not: left as they are
  private static final Set<String> NOT_COLUMNS = Set.of("default", "localtime", "localtimestamp", "current_user",
      "current_role", "current_schema", "current_catalog", "current_path", "session_user", "system_user", "user",
      "sysdate", "systimestamp");

  private ExpressionCopy() {}

  /**
   * @param source the name the source exposes (its alias, else its table name), or {@code null} when it has none
   * @param table the statement's target, named in a refusal
   */
  static Expression of(Expression original, String source, Table table) {
    Expression copy = reparsed(printedWithCopies(original, table), table);
    qualify(copy, source, table);
    return copy;
  }

  /**
   * The expression in a form that compares equal only to the same expression: printed with its columns and their
   * qualifiers unquoted and in lower case (the parser keeps their spelling).
   */
  static String canonical(Expression expression, Table table) {
    Expression copy = reparsed(printedWithCopies(expression, table), table);
    for (Object node : nodes(copy)) {
      if (node instanceof Column column) {
        column.setColumnName(lower(column.getColumnName()));
        if (column.getTable() != null && column.getTable().getName() != null) {
          column.getTable().setName(lower(column.getTable().getName()));
          if (column.getTable().getSchemaName() != null) {
            column.getTable().setSchemaName(lower(column.getTable().getSchemaName()));
          }
        }
      }
    }
    return copy.toString();
  }

  /** Whether the node is a column without a table qualifier. */
  static boolean unqualified(Column column) {
    return column.getTable() == null || column.getTable().getName() == null;
  }

  /** Whether an unqualified column is a keyword the parser reads as a column ({@code DEFAULT}, {@code USER}). */
  static boolean notAColumn(Column column) {
    String name = column.getColumnName();
    return unqualified(column) && !name.startsWith("\"") && !name.startsWith("`")
        && NOT_COLUMNS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The expression itself and every node under it: the walk leaves out its root. */
  static List<Object> nodes(Expression expression) {
    List<Object> nodes = new ArrayList<>();
    nodes.add(expression);
    AstWalker.walk(expression, node -> nodes.add(node));
    return nodes;
  }

  /**
   * The expression printed once more, its {@code ?} bound to the application's own parameters, as the second use
   * of the rows a statement changes in a query run before it; the original tree is put back as it was.
   */
  static String printedWithCopies(Expression original, Table table) {
    List<JdbcParameter> parameters = new ArrayList<>();
    for (Object node : nodes(original)) {
      if (node instanceof JdbcParameter parameter && !parameters.contains(parameter)) {
        parameters.add(parameter);
      }
    }
    List<String> characters = new ArrayList<>(parameters.size());
    try {
      for (JdbcParameter parameter : parameters) {
        if (parameter.isUseFixedIndex() || parameter.getIndex() == null) {
          throw new RewriteRefusedException(RewriteContext.displayName(table), "a numbered parameter ("
              + parameter + ") cannot be written a second time with certainty; use ? parameters");
        }
        characters.add(parameter.getParameterCharacter());
        // the parser numbers ? from 1 in text order, across the statements of the SQL, as Placeholders counts them
        parameter.setParameterCharacter(Placeholders.copyOf(parameter.getIndex() - 1));
      }
      return original.toString();
    } finally {
      for (int i = 0; i < characters.size(); i++) {
        parameters.get(i).setParameterCharacter(characters.get(i));
      }
    }
  }

  private static Expression reparsed(String text, Table table) {
    try {
      return CCJSqlParserUtil.parseExpression(text, false);
    } catch (JSQLParserException | RuntimeException e) {
      throw new RewriteRefusedException(RewriteContext.displayName(table), "softdelete could not copy the"
          + " expression " + text + " into the statement it writes; please report it with the SQL");
    }
  }

  // the copy's own columns, not those of a subquery in it, which resolve in the subquery first
  private static void qualify(Expression copy, String source, Table table) {
    if (copy instanceof Column column) {
      qualifyColumn(column, source, table);
      return;
    }
    AstWalker.walk(copy, node -> {
      if (node instanceof Column column) {
        qualifyColumn(column, source, table);
        return false;
      }
      return !(node instanceof Select);
    });
  }

  private static void qualifyColumn(Column column, String source, Table table) {
    if (!unqualified(column) || notAColumn(column)) {
      return;
    }
    if (source == null) {
      throw new RewriteRefusedException(RewriteContext.displayName(table), "the MERGE's source has no name, so"
          + " its column " + column.getColumnName() + " cannot be named where the target is in scope too; give the"
          + " source an alias (USING (...) s) and qualify its columns (s." + column.getColumnName() + ")");
    }
    Table qualifier = new Table();
    qualifier.setName(source);
    column.setTable(qualifier);
  }

  private static String lower(String name) {
    return MultiPartName.unquote(name).toLowerCase(Locale.ROOT);
  }
}
