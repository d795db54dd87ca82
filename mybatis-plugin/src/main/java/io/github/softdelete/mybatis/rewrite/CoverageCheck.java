package io.github.softdelete.mybatis.rewrite;

import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllTableColumns;

/**
 * The last line of defence: after a rewrite, every reference to a soft table anywhere in the statement
 * must have been dealt with by a rule. One that no rule reached (a clause the rules do not know, a new
 * kind of statement) makes the statement refused rather than run unfiltered.
 */
final class CoverageCheck {
  private CoverageCheck() {}

  static void verify(Statement statement, RewriteContext context) {
    AstWalker.walk(statement, node -> {
      if (node instanceof Table table && !context.wasHandled(table) && context.isSoft(table)) {
        throw new RewriteRefusedException(RewriteContext.displayName(table),
            "softdelete cannot tell how to keep deleted rows out of where this statement uses the table ("
                + kind(statement) + "); rewrite the statement, or run it inside IncludeDeleted.run(...)"
                + " if deleted rows may take part");
      }
      // a column's table qualifier and t.* name a table already in FROM; they are not references of their own
      return !(node instanceof Column) && !(node instanceof AllTableColumns);
    });
  }

  private static String kind(Statement statement) {
    return statement.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
  }
}
