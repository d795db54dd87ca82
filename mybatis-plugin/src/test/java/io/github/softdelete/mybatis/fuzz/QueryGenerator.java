package io.github.softdelete.mybatis.fuzz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Random, valid SQL over {@link FuzzTable}s, from one seed: the same seed and dialect give the same statement.
 * Every relation (table, derived table, CTE) exposes integer columns {@code id, k, v}; columns are always
 * qualified, aliases are unique, derived tables are not correlated (MariaDB has no lateral derived tables),
 * scalar subqueries are aggregates (one row), so that whatever it writes runs on all three databases.
 */
final class QueryGenerator {
  private static final String[] COLUMNS = {"id", "k", "v"};
  private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">="};
  /** Rows a FROM list may multiply up to before the generator stops adding cross products. */
  private static final int MAX_ROWS = 60;
  /**
   * Subqueries per statement: enough to nest four deep along one path, few enough that correlated ones,
   * run once per outer row, keep a case in milliseconds.
   */
  private static final int MAX_SUBQUERIES = 5;

  private final Random random;
  private final Dialect dialect;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final Set<String> unaliasedNames = new HashSet<>();
  private final List<String> ctes = new ArrayList<>();
  private int aliases;
  private int subqueries;
  /** A table the generator must not read, or {@code null}. */
  private FuzzTable excluded;
  private int references;
  /**
   * The relations of the query block whose WHERE or ON is being written, or {@code null} in other clauses: a
   * marker predicate written there on one of them is that block's own (see {@link #asWritten}).
   */
  private List<Rel> block;
  /**
   * The soft table references whose own block's WHERE or ON tests their marker: with
   * {@code explicitMarker=respect} the engine leaves them as written, and so does the oracle.
   */
  private final Set<Integer> asWritten = new HashSet<>();

  QueryGenerator(long seed, Dialect dialect) {
    this.random = new Random(seed);
    this.dialect = dialect;
  }

  /**
   * A relation in scope: its name in the query, its table's marker column to test (or {@code null}), and the
   * number of its soft table reference in the template (or 0).
   */
  private record Rel(String alias, FuzzMarker marker, int reference) {
    static Rel derived(String alias) {
      return new Rel(alias, null, 0);
    }
  }

  /** A FROM list, and what it brings into scope. */
  private record From(String sql, List<Rel> rels) {}

  /** One FROM item, with a guess at its row count. */
  private record Item(String sql, Rel rel, int rows) {}

  // ---------------------------------------------------------------- SELECT

  GeneratedQuery select() {
    StringBuilder sql = new StringBuilder();
    if (chance(4)) {
      sql.append(with());
    }
    int width = 1 + random.nextInt(3);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      out.add("c" + i);
    }
    sql.append(query(3 + random.nextInt(2), List.of(), out, true, true));
    boolean ordered = chance(3);
    if (ordered) {
      sql.append(" ORDER BY ");
      for (int i = 1; i <= width; i++) {
        sql.append(i > 1 ? ", " : "").append(i);
      }
      if (chance(3)) {
        sql.append(" LIMIT ").append(1 + random.nextInt(6));
      }
    }
    return new GeneratedQuery(sql.toString(), Map.copyOf(params), width, ordered, Set.copyOf(asWritten));
  }

  private String with() {
    if (chance(3)) {
      // bounded: v counts the steps
      ctes.add("rec");
      Rel a = rel(FuzzTable.USERS, "a");
      String anchor = "SELECT a.id, a.k, 0 FROM " + table(FuzzTable.USERS, "a", a) + " WHERE "
          + inClauseOf(List.of(a), () -> comparison(List.of(a)));
      String step = "SELECT b.id, b.k, rec.v + 1 FROM rec JOIN "
          + table(FuzzTable.ORDERS, "b", rel(FuzzTable.ORDERS, "b")) + " ON b.k = rec.id WHERE rec.v < 2";
      return "WITH RECURSIVE rec (id, k, v) AS (" + anchor + " UNION ALL " + step + ") ";
    }
    StringBuilder sql = new StringBuilder("WITH ");
    int count = 1 + random.nextInt(2);
    for (int i = 1; i <= count; i++) {
      String name = "cte_users" + i;
      // generated before the name is in scope: a CTE body reads only the CTEs before it
      String body = query(2, List.of(), List.of(COLUMNS));
      ctes.add(name);
      sql.append(i > 1 ? ", " : "").append(name).append(" AS (").append(body).append(")");
    }
    return sql.append(' ').toString();
  }

  /** A query whose output columns are named {@code out}, possibly a set operation of two. */
  private String query(int depth, List<Rel> outer, List<String> out) {
    return query(depth, outer, out, false, true);
  }

  /**
   * @param entity the statement's own query, or a derived table first in its FROM: the first reference of each
   *     of its blocks is what {@code OnlyDeleted} turns to deleted rows
   * @param setOperation whether it may be a set operation
   */
  private String query(int depth, List<Rel> outer, List<String> out, boolean entity, boolean setOperation) {
    if (setOperation && nest(depth, 6)) {
      String op = pick("UNION", "UNION ALL", "INTERSECT", "EXCEPT");
      return core(depth, outer, out, entity) + " " + op + " " + core(depth, outer, out, entity);
    }
    return core(depth, outer, out, entity);
  }

  private String core(int depth, List<Rel> outer, List<String> out, boolean entity) {
    From from = from(depth, entity);
    List<Rel> scope = concat(from.rels, outer);
    StringBuilder sql = new StringBuilder("SELECT ");
    if (chance(6)) {
      sql.append("DISTINCT ");
    }
    String where = chance(3) ? "" : " WHERE " + inClauseOf(from.rels, () -> condition(depth, scope, 2));
    if (chance(5)) {
      List<String> keys = new ArrayList<>();
      int keyCount = 1 + random.nextInt(2);
      for (int i = 0; i < keyCount; i++) {
        keys.add(column(from.rels));
      }
      for (int i = 0; i < out.size(); i++) {
        String item = chance(2) ? keys.get(random.nextInt(keys.size())) : aggregate(from.rels);
        sql.append(i > 0 ? ", " : "").append(item).append(" AS ").append(out.get(i));
      }
      sql.append(" FROM ").append(from.sql).append(where).append(" GROUP BY ").append(String.join(", ", keys));
      if (chance(3)) {
        sql.append(" HAVING ").append(having(depth, from.rels));
      }
      return sql.toString();
    }
    for (int i = 0; i < out.size(); i++) {
      sql.append(i > 0 ? ", " : "").append(selectItem(depth, scope)).append(" AS ").append(out.get(i));
    }
    return sql.append(" FROM ").append(from.sql).append(where).toString();
  }

  private String selectItem(int depth, List<Rel> scope) {
    if (nest(depth, 12)) {
      return "(" + scalar(depth - 1, scope) + ")";
    }
    int choice = random.nextInt(12);
    if (depth > 0 && choice == 1) {
      // a marker test in the select list filters nothing: no block's own
      return "CASE WHEN " + inClauseOf(null, () -> condition(depth, scope, 1)) + " THEN 1 ELSE 0 END";
    }
    return switch (choice) {
      case 2 -> column(scope) + " + " + literal();
      case 3 -> "COALESCE(" + column(scope) + ", " + literal() + ")";
      case 4 -> literal();
      default -> column(scope);
    };
  }

  private String aggregate(List<Rel> rels) {
    return switch (random.nextInt(5)) {
      case 0 -> "COUNT(*)";
      case 1 -> "COUNT(" + column(rels) + ")";
      case 2 -> "MIN(" + column(rels) + ")";
      case 3 -> "SUM(" + column(rels) + ")";
      default -> "MAX(" + column(rels) + ")";
    };
  }

  private String having(int depth, List<Rel> rels) {
    String left = aggregate(rels);
    if (nest(depth, 3)) {
      // uncorrelated: a HAVING may not see ungrouped columns
      return left + " " + pick(COMPARISONS) + " (" + scalar(depth - 1, List.of()) + ")";
    }
    return left + " " + pick(COMPARISONS) + " " + valueOrParam();
  }

  /** One row, one column: an aggregate without GROUP BY. */
  private String scalar(int depth, List<Rel> outer) {
    From from = from(depth, false);
    String where = chance(4) ? ""
        : " WHERE " + inClauseOf(from.rels, () -> condition(depth, concat(from.rels, outer), 1));
    return "SELECT " + aggregate(from.rels) + " FROM " + from.sql + where;
  }

  // ---------------------------------------------------------------- FROM

  /**
   * @param entity the FROM of a block whose first reference is the entity of {@code OnlyDeleted}: that one is
   *     marked (or, a derived table, the first references of its body), none of the items comma-joined or
   *     JOINed after it
   */
  private From from(int depth, boolean entity) {
    List<Rel> rels = new ArrayList<>();
    List<Rel> chain = new ArrayList<>();
    Item first = item(depth, entity);
    StringBuilder sql = new StringBuilder(entity ? Template.entity(first.sql) : first.sql);
    rels.add(first.rel);
    chain.add(first.rel);
    int rows = first.rows;
    // the outermost FROM may have three items, a subquery's two, the deepest one
    int more = random.nextInt(Math.min(depth, 2) + 1);
    for (int i = 0; i < more; i++) {
      Item next = item(depth, false);
      boolean crossAllowed = rows * next.rows <= MAX_ROWS;
      String kind = joinKind(crossAllowed);
      if (kind.equals(",")) {
        // after a comma, a JOIN's ON sees only its own chain
        chain.clear();
        sql.append(", ").append(next.sql);
      } else {
        sql.append(' ').append(kind).append(' ').append(next.sql);
      }
      chain.add(next.rel);
      rels.add(next.rel);
      if (!kind.equals(",") && !kind.equals("CROSS JOIN")) {
        sql.append(" ON ").append(inClauseOf(rels, () -> on(depth, chain, next.rel)));
        rows = Math.max(rows, next.rows) * 2;
      } else {
        rows *= next.rows;
      }
      if (i == 0 && !kind.equals(",") && chance(4)) {
        // a parenthesised join: the same rows, and the same entity, its first reference
        sql.insert(0, '(').append(')');
      }
    }
    return new From(sql.toString(), rels);
  }

  private String joinKind(boolean crossAllowed) {
    List<String> kinds = new ArrayList<>(List.of("JOIN", "INNER JOIN", "LEFT JOIN", "LEFT OUTER JOIN",
        "RIGHT JOIN", "LEFT JOIN", "RIGHT OUTER JOIN"));
    if (dialect.fullJoin) {
      kinds.add("FULL JOIN");
      kinds.add("FULL OUTER JOIN");
    }
    if (crossAllowed) {
      kinds.add(",");
      kinds.add("CROSS JOIN");
    }
    return kinds.get(random.nextInt(kinds.size()));
  }

  private String on(int depth, List<Rel> chain, Rel joined) {
    List<Rel> others = new ArrayList<>(chain);
    others.remove(joined);
    String sql = joined.alias + "." + pick(COLUMNS) + " = " + column(others);
    if (chance(3)) {
      sql += " AND " + (nest(depth, 3) ? subqueryCondition(depth - 1, chain) : comparison(List.of(joined)));
    }
    return sql;
  }

  /**
   * @param entity the first item of an entity block: a derived table here passes the entity on to its body; a CTE
   *     is not drawn here, since its body, written before, cannot be marked for this use only
   */
  private Item item(int depth, boolean entity) {
    String alias = "t" + (++aliases);
    int choice = random.nextInt(10);
    if (!ctes.isEmpty() && choice == 0 && !entity) {
      return new Item(ctes.get(random.nextInt(ctes.size())) + " " + alias, Rel.derived(alias), 10);
    }
    if (choice == 1 && nest(depth, 1)) {
      String body = query(depth - 1, List.of(), List.of(COLUMNS), entity, true);
      return new Item("(" + body + ") " + alias, Rel.derived(alias), 10);
    }
    FuzzTable table = pickTable();
    if (chance(5) && unaliasedNames.add(table.sqlName)) {
      String written = written(table);
      Rel rel = rel(table, table.sqlName);
      String sql = table.soft ? Template.unaliased(written, table.sqlName, rel.reference) : written;
      return new Item(sql, rel, 7);
    }
    Rel rel = rel(table, alias);
    return new Item(table(table, (chance(4) ? "AS " : "") + alias, rel), rel, 7);
  }

  private FuzzTable pickTable() {
    FuzzTable table = anyTable();
    while (table == excluded) {
      table = anyTable();
    }
    return table;
  }

  private FuzzTable anyTable() {
    int choice = random.nextInt(10);
    if (choice < 4) {
      return FuzzTable.USERS;
    }
    if (choice < 7) {
      return FuzzTable.ORDERS;
    }
    return choice < 9 ? FuzzTable.USERS_ARCHIVE : FuzzTable.TAGS;
  }

  /** A relation reading {@code table} under {@code alias}, numbered when the table is soft. */
  private Rel rel(FuzzTable table, String alias) {
    return new Rel(alias, table.marker, table.soft ? ++references : 0);
  }

  /** The reference of {@code rel} with its alias (possibly {@code AS a}); soft tables marked for the oracle. */
  private String table(FuzzTable table, String alias, Rel rel) {
    String written = written(table);
    return (table.soft ? Template.aliased(written, rel.reference) : written) + " " + alias;
  }

  /** The table's name as an application might spell it: plain, in capitals, or with its schema. */
  private String written(FuzzTable table) {
    int choice = random.nextInt(10);
    if (choice == 0) {
      return dialect.schema + "." + table.sqlName;
    }
    if (choice == 1 && dialect.caseInsensitiveNames) {
      return table.sqlName.toUpperCase(Locale.ROOT);
    }
    return table.sqlName;
  }

  // ---------------------------------------------------------------- conditions

  private String condition(int depth, List<Rel> scope, int budget) {
    if (budget > 0 && chance(3)) {
      String op = chance(2) ? " AND " : " OR ";
      return "(" + condition(depth, scope, budget - 1) + op + condition(depth, scope, budget - 1) + ")";
    }
    if (budget > 0 && chance(8)) {
      return "NOT (" + condition(depth, scope, budget - 1) + ")";
    }
    if (nest(depth, 2)) {
      return subqueryCondition(depth - 1, scope);
    }
    return comparison(scope);
  }

  private String subqueryCondition(int depth, List<Rel> scope) {
    String column = column(scope);
    return switch (random.nextInt(7)) {
      case 0 -> column + " IN (" + query(depth, scope, List.of("x")) + ")";
      case 1 -> column + " NOT IN (" + query(depth, scope, List.of("x")) + ")";
      case 2 -> "EXISTS (" + query(depth, scope, List.of("x")) + ")";
      case 3 -> "NOT EXISTS (" + query(depth, scope, List.of("x")) + ")";
      case 4 -> column + " " + pick(COMPARISONS) + " (" + scalar(depth, scope) + ")";
      case 5 -> column + " " + pick(COMPARISONS) + " ANY (" + quantified(depth, scope) + ")";
      default -> column + " " + pick(COMPARISONS) + (dialect.allSubqueries ? " ALL (" : " ANY (")
          + quantified(depth, scope) + ")";
    };
  }

  /** The subquery of {@code op ANY} or {@code op ALL}. */
  private String quantified(int depth, List<Rel> scope) {
    return query(depth, scope, List.of("x"), false, dialect.setOperationsInAny);
  }

  private String comparison(List<Rel> scope) {
    Rel rel = scope.get(random.nextInt(scope.size()));
    int choice = random.nextInt(10);
    if ((choice == 0 || choice == 9) && rel.marker != null) {
      if (rel.reference > 0 && block != null && block.contains(rel)) {
        asWritten.add(rel.reference);
      }
      return rel.alias + "." + (chance(2) ? rel.marker.live() : rel.marker.deleted());
    }
    String column = rel.alias + "." + pick(COLUMNS);
    return switch (choice) {
      case 1 -> column + " IS " + (chance(2) ? "" : "NOT ") + "NULL";
      case 2 -> column + " BETWEEN " + literal() + " AND " + literal();
      case 3 -> column + (chance(3) ? " NOT" : "") + " IN (" + literal() + ", " + literal() + ", " + literal() + ")";
      case 4, 5 -> column + " " + pick(COMPARISONS) + " " + column(scope);
      default -> column + " " + pick(COMPARISONS) + " " + valueOrParam();
    };
  }

  // ---------------------------------------------------------------- DELETE and UPDATE

  /**
   * A DELETE or UPDATE of one table, with a WHERE full of subqueries, and the oracle of what it touches.
   *
   * @param updateOnly an UPDATE of any table (the case for a scope, where a DELETE would mean nothing new)
   */
  GeneratedDml dml(boolean updateOnly) {
    FuzzTable target = updateOnly || chance(4) ? pickTable() : (chance(2) ? FuzzTable.USERS : FuzzTable.ORDERS);
    String name = target.sqlName;
    unaliasedNames.add(name);
    Rel targetRel = rel(target, name);
    List<Rel> scope = List.of(targetRel);
    String where = chance(10) ? "" : " WHERE " + inClauseOf(scope, () -> condition(3, scope, 2));
    boolean delete = !updateOnly && chance(2);
    // the target is what OnlyDeleted turns to deleted rows, as the entity of a SELECT
    String source = target.soft ? Template.entity(Template.unaliased(name, name, targetRel.reference)) : name;
    if (delete) {
      // a DELETE marks live rows only, whatever its WHERE says about the marker
      asWritten.remove(targetRel.reference);
      return new GeneratedDml(target, true, "DELETE FROM " + name + where, "SELECT " + name + ".id, 0 FROM "
          + source + where, Map.copyOf(params), Set.copyOf(asWritten));
    }
    String value = "COALESCE(" + name + ".v, 0) + 100";
    if (chance(2)) {
      // MariaDB evaluates a SET subquery on the target per row, seeing rows it has already updated (seed
      // 507000283), with or without softdelete; the oracle reads the table before the UPDATE
      excluded = target;
      value = "COALESCE((" + scalar(2, scope) + "), 0) + 100";
      excluded = null;
    }
    return new GeneratedDml(target, false, "UPDATE " + name + " SET v = " + value + where,
        "SELECT " + name + ".id, " + value + " FROM " + source + where, Map.copyOf(params), Set.copyOf(asWritten));
  }

  /** {@code clause}, written as the WHERE or ON of the block of {@code rels} ({@code null}: of no block). */
  private String inClauseOf(List<Rel> rels, Supplier<String> clause) {
    List<Rel> outer = block;
    block = rels;
    try {
      return clause.get();
    } finally {
      block = outer;
    }
  }

  // ---------------------------------------------------------------- leaves

  private String column(List<Rel> rels) {
    return rels.get(random.nextInt(rels.size())).alias + "." + pick(COLUMNS);
  }

  private String valueOrParam() {
    if (chance(4)) {
      String name = "p" + params.size();
      params.put(name, random.nextInt(7));
      return "#{" + name + "}";
    }
    return literal();
  }

  private String literal() {
    return Integer.toString(random.nextInt(7));
  }

  /** Whether a subquery may go here: depth left, and the statement's budget not spent (then spends it). */
  private boolean nest(int depth, int oneIn) {
    if (depth > 0 && subqueries < MAX_SUBQUERIES && chance(oneIn)) {
      subqueries++;
      return true;
    }
    return false;
  }

  private boolean chance(int oneIn) {
    return random.nextInt(oneIn) == 0;
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  private static List<Rel> concat(List<Rel> a, List<Rel> b) {
    List<Rel> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
