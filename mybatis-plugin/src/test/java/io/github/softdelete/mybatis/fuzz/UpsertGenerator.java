package io.github.softdelete.mybatis.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random upserts into {@code users} (ids 1 to 7, a third deleted) over keys that hit live rows, deleted rows
 * and no rows: ON CONFLICT DO NOTHING / DO UPDATE [WHERE] on PostgreSQL, ON DUPLICATE KEY UPDATE on MariaDB, and
 * the standard MERGE ({@link MergeGenerator}) on H2 and, for odd seeds, PostgreSQL.
 */
final class UpsertGenerator {
  private static final String[] PG_VALUES = {"EXCLUDED.%s", "{T}.%s + 1", "COALESCE({T}.%s, 0) + EXCLUDED.id",
      "7"};
  private static final String[] MYSQL_VALUES = {"VALUES(%s)", "%s + 1", "COALESCE(%s, 0) + VALUES(id)", "7"};
  private static final String[] PG_CONDITIONS = {"{T}.v < 3", "EXCLUDED.k IS NOT NULL", "{T}.k <> EXCLUDED.id"};

  private final Random random;
  private final Dialect dialect;
  private final boolean merge;
  private final Map<String, Object> params = new HashMap<>();

  UpsertGenerator(long seed, Dialect dialect) {
    this.random = new Random(seed);
    this.dialect = dialect;
    this.merge = dialect == Dialect.H2 || dialect == Dialect.POSTGRES && Math.floorMod(seed, 2) == 1;
  }

  GeneratedUpsert upsert() {
    if (merge) {
      return new MergeGenerator(random, params).merge();
    }
    boolean doNothing = dialect == Dialect.POSTGRES && random.nextInt(3) == 0;
    List<String> inserted = new ArrayList<>(List.of("id"));
    for (String column : List.of("k", "v")) {
      if (random.nextBoolean()) {
        inserted.add(column);
      }
    }
    // DO NOTHING is converted for one row only; the keys of one statement are distinct (a key met twice is
    // an error for DO UPDATE as written)
    int rowCount = doNothing ? 1 : 1 + random.nextInt(3);
    List<Integer> ids = new ArrayList<>();
    while (ids.size() < rowCount) {
      int id = 1 + random.nextInt(10);
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    StringBuilder sql = new StringBuilder("INSERT INTO {T} (").append(String.join(", ", inserted)).append(") VALUES ");
    for (int r = 0; r < ids.size(); r++) {
      sql.append(r > 0 ? ", " : "").append('(').append(ids.get(r));
      for (int c = 1; c < inserted.size(); c++) {
        sql.append(", ").append(value());
      }
      sql.append(')');
    }
    Set<String> assigned = new LinkedHashSet<>();
    if (doNothing) {
      sql.append(" ON CONFLICT (id) DO NOTHING");
    } else {
      List<String> sets = new ArrayList<>();
      for (String column : List.of("k", "v")) {
        if (random.nextInt(3) > 0 || assigned.isEmpty() && column.equals("v")) {
          assigned.add(column);
          String[] forms = dialect == Dialect.POSTGRES ? PG_VALUES : MYSQL_VALUES;
          sets.add(column + " = " + String.format(forms[random.nextInt(forms.length)], column));
        }
      }
      if (dialect == Dialect.POSTGRES) {
        sql.append(" ON CONFLICT (id) DO UPDATE SET ").append(String.join(", ", sets));
        if (random.nextBoolean()) {
          sql.append(" WHERE ").append(PG_CONDITIONS[random.nextInt(PG_CONDITIONS.length)]);
        }
      } else {
        sql.append(" ON DUPLICATE KEY UPDATE ").append(String.join(", ", sets));
      }
    }
    return new GeneratedUpsert(sql.toString(), List.copyOf(ids), List.copyOf(inserted), assigned, Map.copyOf(params));
  }

  // NULL now and then, a bound parameter now and then
  private String value() {
    int choice = random.nextInt(6);
    if (choice == 0) {
      return "NULL";
    }
    if (choice == 1) {
      String name = "p" + params.size();
      params.put(name, random.nextInt(7));
      return "#{" + name + "}";
    }
    return Integer.toString(random.nextInt(7));
  }
}
