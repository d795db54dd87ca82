package io.github.softdelete.mybatis.rewrite;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Whether a subquery refers to a row of the statement around it, with column qualifiers resolved by scope as
 * SQL resolves them: a qualifier names the nearest enclosing query block's FROM item with that alias, or with
 * that table name when the item has no alias, and only a qualifier that no block of the subquery declares
 * reaches outside it. Names compare unquoted and case-insensitively, by their last part ({@code db.users.id}
 * and {@code users.id} both name {@code FROM db.users}). An unqualified column is never taken as an outer
 * reference.
 */
final class OuterReferences {
  private final String outer;

  private OuterReferences(String outer) {
    this.outer = outer;
  }

  /** Whether {@code subquery} refers to {@code target}: by its alias, or by its name when it has none. */
  static boolean refersTo(Select subquery, Table target) {
    return new OuterReferences(RewriteContext.exposedName(target)).refers(subquery, new ArrayDeque<>());
  }

  private boolean refers(Object node, Deque<Set<String>> scopes) {
    return node instanceof PlainSelect block ? refersFrom(block, scopes) : refersWithin(node, scopes, Set.of());
  }

  // the nodes under root, each query block in a scope of its own, leaving out the skipped subtrees
  private boolean refersWithin(Object root, Deque<Set<String>> scopes, Set<Object> skipped) {
    boolean[] found = {false};
    AstWalker.walk(root, child -> {
      if (found[0] || skipped.contains(child)) {
        return false;
      }
      if (child instanceof PlainSelect block) {
        found[0] = refersFrom(block, scopes);
        return false;
      }
      if (child instanceof Column column) {
        found[0] = isOuter(column, scopes);
        return false;
      }
      return true;
    });
    return found[0];
  }

  /**
   * A block's own names are in scope for its expressions and joins; its WITH bodies and derived tables
   * (LATERAL aside) see only the blocks around it.
   */
  private boolean refersFrom(PlainSelect block, Deque<Set<String>> scopes) {
    Set<Object> outside = Collections.newSetFromMap(new IdentityHashMap<>());
    if (block.getWithItemsList() != null) {
      outside.addAll(block.getWithItemsList());
    }
    addIfDerived(block.getFromItem(), outside);
    for (Join join : joins(block.getJoins())) {
      addIfDerived(join.getRightItem(), outside);
    }
    for (Object part : outside) {
      if (refers(part, scopes)) {
        return true;
      }
    }
    Set<String> names = new HashSet<>();
    addDeclared(block.getFromItem(), names);
    for (Join join : joins(block.getJoins())) {
      addDeclared(join.getRightItem(), names);
    }
    scopes.push(names);
    try {
      return refersWithin(block, scopes, outside);
    } finally {
      scopes.pop();
    }
  }

  private boolean isOuter(Column column, Deque<Set<String>> scopes) {
    Table qualifier = column.getTable();
    if (qualifier == null || qualifier.getName() == null) {
      return false;
    }
    String name = qualifier.getUnquotedName().toLowerCase(Locale.ROOT);
    for (Set<String> scope : scopes) {
      if (scope.contains(name)) {
        return false;
      }
    }
    return name.equals(outer);
  }

  private static void addIfDerived(FromItem item, Set<Object> outside) {
    if (item instanceof ParenthesedSelect && !(item instanceof LateralSubSelect)) {
      outside.add(item);
    }
  }

  private static void addDeclared(FromItem item, Set<String> names) {
    if (item == null) {
      return;
    }
    if (item.getAlias() != null) {
      names.add(unquoted(item.getAlias()));
    } else if (item instanceof Table table && table.getName() != null) {
      names.add(table.getUnquotedName().toLowerCase(Locale.ROOT));
    } else if (item instanceof ParenthesedFromItem parenthesed) {
      addDeclared(parenthesed.getFromItem(), names);
      for (Join join : joins(parenthesed.getJoins())) {
        addDeclared(join.getRightItem(), names);
      }
    }
  }

  private static String unquoted(Alias alias) {
    return MultiPartName.unquote(alias.getName()).toLowerCase(Locale.ROOT);
  }

  private static List<Join> joins(List<Join> joins) {
    return joins == null ? List.of() : joins;
  }
}
