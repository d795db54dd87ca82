package io.github.softdelete.mybatis.rewrite;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * The references whose deleted rows {@code OnlyDeleted} shows: the entity of the trash view. In each outermost
 * query block of a SELECT (each branch of a set operation) that is the first reference of its FROM, however
 * the rest is joined (comma, JOIN, a parenthesised join); every other reference stays live. Where the first
 * reference is a derived table or a CTE, the entity is the first reference of that body's own blocks, so that
 * wrapping the entity changes no row.
 *
 * <p>A CTE body is written once: a CTE that is the entity and is also read elsewhere in the statement, or
 * that reads itself (WITH RECURSIVE), cannot show deleted rows in one place only, and is refused.
 */
final class TrashEntities {
  private final RewriteContext context;
  // each reference that names a CTE, with that CTE (resolved by scope, as the database resolves it)
  private final Map<Table, WithItem<?>> cteOf = new IdentityHashMap<>();
  private final Deque<Map<String, WithItem<?>>> scopes = new ArrayDeque<>();
  // per CTE that stands in an entity's place: those references, and the entities found in its body
  private final Map<WithItem<?>, List<Table>> entityReferences = new IdentityHashMap<>();
  private final Map<WithItem<?>, List<Table>> entitiesInBody = new IdentityHashMap<>();

  private TrashEntities(RewriteContext context) {
    this.context = context;
  }

  /**
   * @return the table references (never CTE names) to show the deleted rows of
   * @throws RewriteRefusedException when the entity is a CTE that cannot show deleted rows in its place only
   */
  static Set<Table> of(RewriteContext context, Select select) {
    TrashEntities entities = new TrashEntities(context);
    entities.resolve(select);
    List<Table> found = new ArrayList<>();
    entities.block(select, found);
    entities.refuseUncertainCtes();
    Set<Table> result = Collections.newSetFromMap(new IdentityHashMap<>());
    result.addAll(found);
    return result;
  }

  // ---------------------------------------------------------------- the entity of each block

  private void block(Select select, List<Table> found) {
    if (select instanceof PlainSelect plain) {
      entityAt(first(plain.getFromItem()), found);
    } else if (select instanceof SetOperationList setOperation) {
      setOperation.getSelects().forEach(branch -> block(branch, found));
    } else if (select instanceof ParenthesedSelect parenthesed) {
      block(parenthesed.getSelect(), found);
    }
    // VALUES and the like have no FROM, hence no entity
  }

  // the first reference of a parenthesised join is the first of the whole FROM
  private static FromItem first(FromItem item) {
    FromItem current = item;
    while (current instanceof ParenthesedFromItem nested) {
      current = nested.getFromItem();
    }
    return current;
  }

  private void entityAt(FromItem item, List<Table> found) {
    if (item instanceof ParenthesedSelect derived) {
      block(derived, found);
    } else if (item instanceof Table table && cteOf.containsKey(table)) {
      WithItem<?> cte = cteOf.get(table);
      List<Table> references = entityReferences.computeIfAbsent(cte, c -> new ArrayList<>());
      references.add(table);
      if (references.size() == 1) {
        List<Table> inBody = new ArrayList<>();
        entitiesInBody.put(cte, inBody);
        if (cte.getParenthesedStatement() instanceof Select body) {
          block(body, inBody);
        }
      }
      found.addAll(entitiesInBody.get(cte));
    } else if (item instanceof Table table) {
      found.add(table);
    }
    // a table function, VALUES, no FROM at all: nothing whose deleted rows could be shown
  }

  private void refuseUncertainCtes() {
    for (Map.Entry<WithItem<?>, List<Table>> entry : entityReferences.entrySet()) {
      WithItem<?> cte = entry.getKey();
      Table soft = entitiesInBody.get(cte).stream().filter(context::isSoft).findFirst().orElse(null);
      if (soft == null) {
        // showing deleted rows changes nothing in a body whose entities are not soft
        continue;
      }
      long references = cteOf.values().stream().filter(named -> named == cte).count();
      if (readsItself(cte)) {
        throw new RewriteRefusedException(RewriteContext.displayName(soft), "OnlyDeleted shows the deleted rows"
            + " of the first table of the FROM, here the recursive CTE '" + cte.getAliasName() + "', and whether"
            + " its walk should pass through deleted or live rows is not certain; select from the table itself,"
            + " or run the query inside IncludeDeleted.run(...) with your own condition on the marker");
      }
      if (references > entry.getValue().size()) {
        throw new RewriteRefusedException(RewriteContext.displayName(soft), "OnlyDeleted shows the deleted rows"
            + " of the first table of the FROM, here the CTE '" + cte.getAliasName() + "', which the statement"
            + " also reads elsewhere, where its rows must stay live, and one CTE body cannot give both; name the"
            + " table itself first in the FROM, or write a CTE of its own for each use");
      }
    }
  }

  private boolean readsItself(WithItem<?> cte) {
    boolean[] found = {false};
    AstWalker.walk(cte, node -> {
      if (node instanceof Table table && cteOf.get(table) == cte) {
        found[0] = true;
      }
      return !found[0] && !(node instanceof Column) && !(node instanceof AllTableColumns);
    });
    return found[0];
  }

  // ---------------------------------------------------------------- which references name a CTE

  private void resolve(Object node) {
    if (node instanceof Select select && hasWith(select)) {
      resolveWith(select);
    } else if (node instanceof Table table) {
      WithItem<?> cte = lookUp(table);
      if (cte != null) {
        cteOf.put(table, cte);
      }
    } else {
      AstWalker.walk(node, child -> enter(child, Set.of()));
    }
  }

  private boolean enter(Object child, Set<Object> skipped) {
    if (skipped.contains(child) || child instanceof Column || child instanceof AllTableColumns) {
      // a qualifier (c.id, c.*) names a FROM item already counted, not a reference of its own
      return false;
    }
    if (child instanceof Table || child instanceof Select select && hasWith(select)) {
      resolve(child);
      return false;
    }
    return true;
  }

  /** A WITH clause: its names are in scope for its body, and (WITH RECURSIVE) for every CTE body. */
  private void resolveWith(Select select) {
    List<WithItem<?>> items = select.getWithItemsList();
    Map<String, WithItem<?>> scope = new HashMap<>();
    scopes.push(scope);
    try {
      if (items.stream().anyMatch(WithItem::isRecursive)) {
        items.forEach(item -> scope.put(key(item.getAliasName()), item));
      }
      for (WithItem<?> item : items) {
        // a plain WITH: a CTE body sees only the CTEs declared before it
        resolve(item.getParenthesedStatement());
        scope.put(key(item.getAliasName()), item);
      }
      Set<Object> own = Collections.newSetFromMap(new IdentityHashMap<>());
      own.addAll(items);
      AstWalker.walk(select, child -> enter(child, own));
    } finally {
      scopes.pop();
    }
  }

  private WithItem<?> lookUp(Table table) {
    if (table.getSchemaName() != null || table.getName() == null) {
      return null;
    }
    String name = key(table.getName());
    for (Map<String, WithItem<?>> scope : scopes) {
      WithItem<?> cte = scope.get(name);
      if (cte != null) {
        return cte;
      }
    }
    return null;
  }

  private static boolean hasWith(Select select) {
    return select.getWithItemsList() != null && !select.getWithItemsList().isEmpty();
  }

  private static String key(String name) {
    return MultiPartName.unquote(name).toLowerCase(Locale.ROOT);
  }
}
