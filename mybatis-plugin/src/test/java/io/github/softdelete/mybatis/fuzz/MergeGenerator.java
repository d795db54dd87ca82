package io.github.softdelete.mybatis.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random SQL-standard MERGEs into {@code users} (H2 and PostgreSQL) over keys that hit live rows, deleted rows and
 * no rows: a source of distinct ids (a VALUES list, a subquery over a fuzz table or a fuzz table itself, soft or
 * not, whose soft references the oracle reads live), an ON on the key (now and then with a condition of its own),
 * and one to four WHEN clauses: MATCHED [AND p] THEN UPDATE / DELETE, NOT MATCHED [AND q] THEN INSERT, with
 * parameters, NULLs and bare source columns.
 */
final class MergeGenerator {
  private final Random random;
  private final Map<String, Object> params;
  private final Set<String> assigned = new LinkedHashSet<>();
  private final Set<String> inserted = new LinkedHashSet<>(List.of("id"));
  // the source's two value columns, qualified, and bare when no target column has their name
  private String first;
  private String second;
  private boolean bareNames;
  private int references;

  /** @param params receives the values of the {@code #{pN}} parameters it writes */
  MergeGenerator(Random random, Map<String, Object> params) {
    this.random = random;
    this.params = params;
  }

  GeneratedUpsert merge() {
    String source = source();
    StringBuilder sql = new StringBuilder("MERGE INTO {T} t USING ").append(source).append(" ON ");
    String key = random.nextBoolean() ? "t.id = s.id" : "s.id = t.id";
    if (random.nextInt(4) == 0) {
      // a condition of the ON's own, true for every row of the target, before or after the key: its ? keeps
      // its place when the engine moves the key first
      String own = "t.id > " + param(0);
      sql.append(random.nextBoolean() ? own + " AND " + key : key + " AND " + own);
    } else {
      sql.append(key);
    }
    int matched = random.nextInt(3);
    int notMatched = random.nextInt(3);
    if (matched + notMatched == 0) {
      notMatched = 1;
    }
    // only the last clause of each kind may be unconditional: PostgreSQL rejects one that could never be reached
    List<String> matchedClauses = new ArrayList<>();
    for (int i = 0; i < matched; i++) {
      matchedClauses.add(matchedClause(i < matched - 1 || random.nextBoolean()));
    }
    List<String> notMatchedClauses = new ArrayList<>();
    for (int i = 0; i < notMatched; i++) {
      notMatchedClauses.add(notMatchedClause(i < notMatched - 1 || random.nextBoolean()));
    }
    // the two kinds interleaved at random, each in its own order
    while (!matchedClauses.isEmpty() || !notMatchedClauses.isEmpty()) {
      boolean takeMatched = notMatchedClauses.isEmpty()
          || !matchedClauses.isEmpty() && random.nextBoolean();
      sql.append((takeMatched ? matchedClauses : notMatchedClauses).remove(0));
    }
    return new GeneratedUpsert(sql.toString(), List.of(), List.copyOf(inserted), Set.copyOf(assigned),
        Map.copyOf(params), sourceIds(source));
  }

  private String source() {
    int form = random.nextInt(4);
    if (form == 0) {
      first = "s.a";
      second = "s.b";
      bareNames = true;
      List<Integer> ids = distinctIds(1 + random.nextInt(4));
      StringBuilder values = new StringBuilder("(VALUES ");
      for (int r = 0; r < ids.size(); r++) {
        values.append(r > 0 ? ", " : "").append('(').append(ids.get(r)).append(", ").append(value()).append(", ")
            .append(value()).append(')');
      }
      return values.append(") AS s (id, a, b)").toString();
    }
    FuzzTable table = List.of(FuzzTable.ORDERS, FuzzTable.TAGS, FuzzTable.USERS_ARCHIVE).get(random.nextInt(3));
    String reference = table.soft ? Template.aliased(table.sqlName, ++references) : table.sqlName;
    if (form == 1) {
      first = "s.k";
      second = "s.v";
      bareNames = false;
      return reference + " s";
    }
    first = "s.a";
    second = "s.b";
    bareNames = true;
    int offset = List.of(0, -2, 3).get(random.nextInt(3));
    return "(SELECT x.id" + (offset == 0 ? "" : (offset > 0 ? " + " : " - ") + Math.abs(offset)) + " AS id, x.k AS a,"
        + " x.v AS b FROM " + reference + " x WHERE x.v IS NULL OR x.v < " + (2 + random.nextInt(5)) + ") s";
  }

  private String matchedClause(boolean conditional) {
    StringBuilder clause = new StringBuilder(" WHEN MATCHED");
    if (conditional) {
      clause.append(" AND ").append(List.of("t.v < 3", first + " IS NOT NULL", "t.k <> " + first,
          "t.id > " + param(2)).get(random.nextInt(4)));
    }
    if (random.nextInt(3) == 0) {
      return clause.append(" THEN DELETE").toString();
    }
    List<String> sets = new ArrayList<>();
    for (String column : List.of("k", "v")) {
      if (random.nextBoolean() || sets.isEmpty() && column.equals("v")) {
        assigned.add(column);
        sets.add(column + " = " + List.of(first, "t." + column + " + 1", "COALESCE(" + second + ", 0) + t.id",
            param(7)).get(random.nextInt(4)));
      }
    }
    return clause.append(" THEN UPDATE SET ").append(String.join(", ", sets)).toString();
  }

  private String notMatchedClause(boolean conditional) {
    StringBuilder clause = new StringBuilder(" WHEN NOT MATCHED");
    if (conditional) {
      clause.append(" AND ").append(List.of(first + " < 4", second + " IS NULL", param(5) + " > " + first,
          "s.id <> 3").get(random.nextInt(4)));
    }
    List<String> columns = new ArrayList<>(List.of("id"));
    // the key as the ON matches it (a bare id would be ambiguous on H2, which sees the target there too)
    List<String> values = new ArrayList<>(List.of("s.id"));
    for (String column : List.of("k", "v")) {
      if (random.nextBoolean()) {
        inserted.add(column);
        columns.add(column);
        // a bare source column where no target column has its name: the engine qualifies it in the revive
        String bare = bareNames ? first.substring("s.".length()) : first;
        values.add(List.of(first, bare, second + " + 1", param(7), "CAST(NULL AS INT)").get(random.nextInt(5)));
      }
    }
    return clause.append(" THEN INSERT (").append(String.join(", ", columns)).append(") VALUES (")
        .append(String.join(", ", values)).append(')').toString();
  }

  // the ids the source proposes, as a query the oracle can run
  private static String sourceIds(String source) {
    return "SELECT s.id FROM " + source;
  }

  private List<Integer> distinctIds(int count) {
    List<Integer> ids = new ArrayList<>();
    while (ids.size() < count) {
      int id = 1 + random.nextInt(10);
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  // NULL now and then, a bound parameter now and then, typed (a bare ? in a VALUES list has no type on H2)
  private String value() {
    int choice = random.nextInt(6);
    if (choice == 0) {
      return "CAST(NULL AS INT)";
    }
    if (choice == 1) {
      return "CAST(" + param(7) + " AS INT)";
    }
    return Integer.toString(random.nextInt(7));
  }

  // a parameter holding a value below bound (0: the value 0)
  private String param(int bound) {
    String name = "p" + params.size();
    params.put(name, bound == 0 ? 0 : random.nextInt(bound));
    return "#{" + name + "}";
  }
}
