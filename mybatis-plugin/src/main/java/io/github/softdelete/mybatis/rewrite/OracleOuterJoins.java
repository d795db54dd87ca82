package io.github.softdelete.mybatis.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.SupportsOldOracleJoinSyntax;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Oracle's old outer join, {@code WHERE u.id = o.user_id(+)}: the join lives in WHERE, so a predicate added
 * there for a table it null-extends would turn it into an inner join. The tables that take part in such a
 * condition, on either side, take the live view itself instead, which is right wherever it stands.
 */
final class OracleOuterJoins {
  // the marker as written, spaces allowed: ( + )
  private static final Pattern MARKER = Pattern.compile("\\(\\s*\\+\\s*\\)");

  private OracleOuterJoins() {}

  /**
   * The FROM list references of {@code block} (not of its subqueries, which are blocks of their own) named by
   * a condition with {@code (+)}; all of them when such a condition has an unqualified column.
   */
  static Set<Table> takingPart(PlainSelect block) {
    List<Expression> conditions = new ArrayList<>();
    AstWalker.walk(block, node -> {
      if (node instanceof Select || node instanceof FromItem) {
        return false;
      }
      if (node instanceof SupportsOldOracleJoinSyntax joined
          && joined.getOldOracleJoinSyntax() != SupportsOldOracleJoinSyntax.NO_ORACLE_JOIN) {
        conditions.add((Expression) node);
      }
      return true;
    });
    Set<Table> taking = Collections.newSetFromMap(new IdentityHashMap<>());
    if (conditions.isEmpty()) {
      return taking;
    }
    List<Table> fromList = new ArrayList<>();
    addIfTable(block.getFromItem(), fromList);
    if (block.getJoins() != null) {
      for (Join join : block.getJoins()) {
        addIfTable(join.getRightItem(), fromList);
      }
    }
    Set<String> qualifiers = new HashSet<>();
    boolean[] unqualified = {false};
    for (Expression condition : conditions) {
      AstWalker.walk(condition, node -> {
        if (node instanceof Column column) {
          Table qualifier = column.getTable();
          if (qualifier == null || qualifier.getName() == null) {
            unqualified[0] = true;
          } else {
            qualifiers.add(qualifier.getUnquotedName().toLowerCase(Locale.ROOT));
          }
          return false;
        }
        return !(node instanceof Select);
      });
    }
    for (Table table : fromList) {
      if (unqualified[0] || qualifiers.contains(RewriteContext.exposedName(table))) {
        taking.add(table);
      }
    }
    return taking;
  }

  /** How many {@code (+)} markers the text holds, in string literals and comments too. */
  static int markers(String sql) {
    if (sql.indexOf('+') < 0) {
      return 0;
    }
    int count = 0;
    Matcher matcher = MARKER.matcher(sql);
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  private static void addIfTable(FromItem item, List<Table> fromList) {
    if (item instanceof Table table) {
      fromList.add(table);
    }
  }
}
