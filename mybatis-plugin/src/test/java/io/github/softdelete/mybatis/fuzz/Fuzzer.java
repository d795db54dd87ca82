package io.github.softdelete.mybatis.fuzz;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.github.softdelete.mybatis.fuzz.FuzzDatabase.Registration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Runs generated cases on one database: each SELECT through MyBatis with the interceptor against its oracle
 * over plain JDBC, again under {@code IncludeDeleted} against the raw SQL, and under {@code OnlyDeleted}
 * against the oracle whose entity (the first reference of each outermost block) reads deleted rows; each DELETE or UPDATE (some under
 * {@code IncludeDeleted}, some UPDATEs under {@code OnlyDeleted}) through
 * MyBatis in a transaction that is rolled back, against the rows its oracle says it must touch. Every other
 * case goes to MyBatis with comments in it ({@link SprinkledComments}).
 */
final class Fuzzer {
  private final FuzzDatabase db;
  private final Map<Registration, SqlSessionFactory> factories = new HashMap<>();

  Fuzzer(FuzzDatabase db) {
    this.db = db;
    for (Registration registration : Registration.all()) {
      factories.put(registration, db.factory(registration));
    }
  }

  FuzzReport run(List<Long> selectSeeds, List<Long> dmlSeeds) {
    FuzzReport report = new FuzzReport(db.dialect());
    Map<Registration, SqlSession> sessions = new HashMap<>();
    try {
      factories.forEach((registration, factory) -> sessions.put(registration, factory.openSession(false)));
      for (long seed : selectSeeds) {
        selectCase(sessions.get(Registration.forSeed(seed)), seed, report);
      }
      for (long seed : dmlSeeds) {
        SqlSession session = sessions.get(Registration.forSeed(seed));
        dmlCase(session, seed, report);
        session.rollback(true);
      }
      // ON CONFLICT on PostgreSQL, ON DUPLICATE KEY UPDATE on MariaDB, MERGE on H2 and PostgreSQL
      for (long seed : dmlSeeds) {
        SqlSession session = sessions.get(Registration.forSeed(seed));
        upsertCase(session, seed, report);
        session.rollback(true);
      }
    } finally {
      sessions.values().forEach(SqlSession::close);
    }
    return report;
  }

  /** The SQL as the report shows it, with the registration its seed runs under. */
  private static String labelled(long seed, String sql) {
    return "[" + Registration.forSeed(seed) + "] " + sql;
  }

  // ---------------------------------------------------------------- SELECT

  private void selectCase(SqlSession session, long seed, FuzzReport report) {
    GeneratedQuery query = new QueryGenerator(seed, db.dialect()).select();
    String app = query.app();
    String sent = SprinkledComments.chosen(seed) ? SprinkledComments.into(app, seed) : app;
    String label = labelled(seed, sent);
    boolean respect = Registration.forSeed(seed).respectExplicitMarkers();
    String oracle = query.oracle(respect);
    Connection connection = session.getConnection();
    List<List<Object>> expected;
    List<List<Object>> raw;
    List<List<Object>> deleted;
    try {
      expected = jdbcRows(connection, Template.jdbc(oracle, query.params()), query.width());
      raw = jdbcRows(connection, Template.jdbc(app, query.params()), query.width());
      deleted = jdbcRows(connection, Template.jdbc(query.onlyDeletedOracle(respect), query.params()), query.width());
    } catch (SQLException e) {
      report.rejectedByDatabase(seed, e.getMessage(), label);
      return;
    }
    report.selectGenerated(!same(expected, raw, query.ordered()), !deleted.isEmpty());
    if (respect && !query.asWritten().isEmpty()) {
      try {
        if (!same(expected, jdbcRows(connection, Template.jdbc(query.oracle(false), query.params()), query.width()),
            query.ordered())) {
          report.selectRespecting();
        }
      } catch (SQLException e) {
        throw new IllegalStateException("the oracle ran, its filter-everything variant must too", e);
      }
    }
    Map<String, Object> params = new HashMap<>(query.params());
    params.put("sql", sent);
    Outcome filtered = mapperRows(session, params, query.width());
    if (filtered.refusal != null) {
      report.refused(seed, filtered.refusal, label);
      return;
    }
    if (filtered.error != null) {
      report.fail(seed, "MyBatis with the interceptor failed: " + filtered.error, label, oracle);
      return;
    }
    if (!same(filtered.rows, expected, query.ordered())) {
      report.fail(seed, "rows differ from the oracle's: got " + filtered.rows + ", oracle " + expected, label,
          oracle);
      return;
    }
    Outcome all = IncludeDeleted.get(() -> mapperRows(session, params, query.width()));
    if (all.refusal != null || all.error != null) {
      report.fail(seed, "IncludeDeleted failed: " + (all.refusal != null ? all.refusal.getMessage() : all.error),
          label, app);
      return;
    }
    if (!same(all.rows, raw, query.ordered())) {
      report.fail(seed, "IncludeDeleted rows differ from the raw query's: got " + all.rows + ", raw " + raw, label,
          app);
      return;
    }
    Outcome trash = OnlyDeleted.get(() -> mapperRows(session, params, query.width()));
    if (trash.refusal != null || trash.error != null) {
      report.fail(seed, "OnlyDeleted failed: " + (trash.refusal != null ? trash.refusal.getMessage() : trash.error),
          label, query.onlyDeletedOracle(respect));
      return;
    }
    if (!same(trash.rows, deleted, query.ordered())) {
      report.fail(seed, "OnlyDeleted rows differ from its oracle's: got " + trash.rows + ", oracle " + deleted, label,
          query.onlyDeletedOracle(respect));
      return;
    }
    report.selectAgreed();
  }

  private record Outcome(List<List<Object>> rows, Integer count, SoftDeleteException refusal, String error) {}

  private static Outcome mapperRows(SqlSession session, Map<String, Object> params, int width) {
    session.clearCache();
    try {
      List<Map<String, Object>> maps = session.selectList(FuzzMapper.SELECT, params);
      List<List<Object>> rows = new ArrayList<>();
      for (Map<String, Object> map : maps) {
        rows.add(positional(map, width));
      }
      return new Outcome(rows, null, null, null);
    } catch (RuntimeException e) {
      return failure(e);
    }
  }

  private static Outcome failure(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SoftDeleteException refusal) {
        return new Outcome(null, null, refusal, null);
      }
    }
    return new Outcome(null, null, null, String.valueOf(rootCause(e)));
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /** A MyBatis row map (keys as the driver labels them) as values in column order c0, c1, ... */
  private static List<Object> positional(Map<String, Object> map, int width) {
    Map<String, Object> lower = new HashMap<>();
    if (map != null) {
      map.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
    }
    List<Object> row = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      row.add(lower.get("c" + i));
    }
    return row;
  }

  private static List<List<Object>> jdbcRows(Connection connection, Template.Jdbc query, int width)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
      for (int i = 0; i < query.args().size(); i++) {
        statement.setObject(i + 1, query.args().get(i));
      }
      try (ResultSet result = statement.executeQuery()) {
        List<List<Object>> rows = new ArrayList<>();
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= width; i++) {
            row.add(result.getObject(i));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  private static boolean same(List<List<Object>> a, List<List<Object>> b, boolean ordered) {
    return ordered ? a.equals(b) : multiset(a).equals(multiset(b));
  }

  private static Map<List<Object>, Integer> multiset(List<List<Object>> rows) {
    Map<List<Object>, Integer> counts = new HashMap<>();
    for (List<Object> row : rows) {
      counts.merge(row, 1, Integer::sum);
    }
    return counts;
  }

  // ---------------------------------------------------------------- DELETE and UPDATE

  private void dmlCase(SqlSession session, long seed, FuzzReport report) {
    // one in four in IncludeDeleted (no filter), one in four an UPDATE in OnlyDeleted (its target's deleted rows)
    boolean includeDeleted = seed % 4 == 0;
    boolean onlyDeleted = seed % 4 == 1;
    GeneratedDml dml = new QueryGenerator(seed, db.dialect()).dml(includeDeleted || onlyDeleted);
    String app = dml.app();
    String sent = SprinkledComments.chosen(seed) ? SprinkledComments.into(app, seed) : app;
    boolean respect = Registration.forSeed(seed).respectExplicitMarkers();
    String oracle = includeDeleted ? Template.app(dml.oracleTemplate())
        : onlyDeleted ? dml.onlyDeletedOracle(respect) : dml.oracle(respect);
    String label = labelled(seed, (includeDeleted ? "IncludeDeleted: " : onlyDeleted ? "OnlyDeleted: " : "") + sent);
    Connection connection = session.getConnection();
    Map<FuzzTable, Map<Object, List<Object>>> before;
    Map<Object, Object> expected = new LinkedHashMap<>();
    try {
      before = snapshot(connection);
      for (List<Object> row : jdbcRows(connection, Template.jdbc(oracle, dml.params()), 2)) {
        expected.put(String.valueOf(row.get(0)), row.get(1));
      }
    } catch (SQLException e) {
      report.rejectedByDatabase(seed, e.getMessage(), label);
      return;
    }
    report.dmlGenerated(!expected.isEmpty());
    Map<String, Object> params = new HashMap<>(dml.params());
    params.put("sql", sent);
    String statement = dml.delete() ? FuzzMapper.DELETE : FuzzMapper.UPDATE;
    Outcome outcome = includeDeleted ? IncludeDeleted.get(() -> update(session, statement, params))
        : onlyDeleted ? OnlyDeleted.get(() -> update(session, statement, params))
        : update(session, statement, params);
    if (outcome.refusal != null) {
      report.refused(seed, outcome.refusal, label);
      return;
    }
    if (outcome.error != null) {
      report.fail(seed, "MyBatis with the interceptor failed: " + outcome.error, label, oracle);
      return;
    }
    Map<FuzzTable, Map<Object, List<Object>>> after;
    try {
      after = snapshot(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    String problem = check(dml, expected, outcome.count, before, after);
    if (problem != null) {
      report.fail(seed, problem, label, oracle);
      return;
    }
    report.dmlAgreed();
  }

  private static Outcome update(SqlSession session, String statement, Map<String, Object> params) {
    try {
      return new Outcome(null, session.update(statement, params), null, null);
    } catch (RuntimeException e) {
      return failure(e);
    }
  }

  /** What went wrong, or {@code null} when exactly the oracle's rows were touched, as the oracle says. */
  private static String check(GeneratedDml dml, Map<Object, Object> expected, int count,
      Map<FuzzTable, Map<Object, List<Object>>> before, Map<FuzzTable, Map<Object, List<Object>>> after) {
    if (count != expected.size()) {
      return "update count " + count + ", oracle expects " + expected.size() + " rows: ids " + expected.keySet();
    }
    for (FuzzTable table : FuzzTable.values()) {
      Map<Object, List<Object>> was = before.get(table);
      Map<Object, List<Object>> is = after.get(table);
      if (table.soft && is.size() != was.size()) {
        return "soft table " + table.sqlName + " went from " + was.size() + " to " + is.size() + " physical rows";
      }
      Map<Object, List<Object>> predicted = new LinkedHashMap<>(was);
      if (table == dml.target()) {
        for (Map.Entry<Object, Object> touched : expected.entrySet()) {
          List<Object> row = new ArrayList<>(was.get(touched.getKey()));
          if (!dml.delete()) {
            row.set(2, Objects.toString(touched.getValue()));
          } else if (table.soft) {
            row.set(3, "marked");
          } else {
            predicted.remove(touched.getKey());
            continue;
          }
          predicted.put(touched.getKey(), row);
        }
      }
      if (!predicted.equals(is)) {
        return "table " + table.sqlName + " is " + is + ", oracle predicts " + predicted;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- upserts

  /**
   * An upsert or MERGE through MyBatis against the same statement on a copy of the live rows: the live rows
   * after it must be the copy's (a revived row: in the columns the statement wrote; a MERGE's in all), the
   * deleted rows it did not revive unchanged, the rows the copy lost (a MERGE's DELETE) marked, and the count the
   * oracle's (MariaDB counts each revive 2, as an update, where the oracle counts 1 inserted row).
   */
  private void upsertCase(SqlSession session, long seed, FuzzReport report) {
    GeneratedUpsert upsert = new UpsertGenerator(seed, db.dialect()).upsert();
    String app = upsert.app();
    String sent = SprinkledComments.chosen(seed) ? SprinkledComments.into(app, seed) : app;
    String label = labelled(seed, sent);
    Connection connection = session.getConnection();
    Map<Object, List<Object>> before;
    Map<Object, List<Object>> expected;
    List<Object> proposed = new ArrayList<>();
    int expectedCount;
    try {
      before = rowsOf(connection, "users");
      if (upsert.merge()) {
        for (List<Object> row : jdbcRows(connection, Template.jdbc(upsert.sourceIdsQuery(), upsert.params()), 1)) {
          proposed.add(String.valueOf(row.get(0)));
        }
      } else {
        upsert.ids().forEach(id -> proposed.add(String.valueOf(id)));
      }
      FuzzDatabase.execute(connection, "DELETE FROM users_copy",
          "INSERT INTO users_copy SELECT * FROM users WHERE " + FuzzTable.USERS.marker.live());
      Template.Jdbc oracle = Template.jdbc(upsert.oracle(), upsert.params());
      try (PreparedStatement statement = connection.prepareStatement(oracle.sql())) {
        for (int i = 0; i < oracle.args().size(); i++) {
          statement.setObject(i + 1, oracle.args().get(i));
        }
        expectedCount = statement.executeUpdate();
      }
      expected = rowsOf(connection, "users_copy");
    } catch (SQLException e) {
      report.rejectedByDatabase(seed, e.getMessage(), label);
      return;
    }
    // the deleted rows whose key the statement proposes: an upsert revives each, a MERGE where an INSERT fires
    List<Object> met = new ArrayList<>();
    for (Object id : proposed) {
      List<Object> row = before.get(id);
      if (row != null && row.get(3) != null) {
        met.add(id);
      }
    }
    report.upsertGenerated(!met.isEmpty(), upsert.merge());
    Map<String, Object> params = new HashMap<>(upsert.params());
    params.put("sql", sent);
    Outcome outcome = update(session, FuzzMapper.UPDATE, params);
    if (outcome.refusal != null) {
      report.refused(seed, outcome.refusal, label);
      return;
    }
    if (outcome.error != null) {
      report.fail(seed, "MyBatis with the interceptor failed: " + outcome.error, label, upsert.oracle());
      return;
    }
    Map<Object, List<Object>> after;
    try {
      after = rowsOf(connection, "users");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    List<Object> revived = new ArrayList<>();
    List<Object> marked = new ArrayList<>();
    before.forEach((id, row) -> {
      List<Object> now = after.get(id);
      if (row.get(3) != null && now != null && now.get(3) == null) {
        revived.add(id);
      } else if (row.get(3) == null && now != null && now.get(3) != null) {
        marked.add(id);
      }
    });
    if (upsert.merge()) {
      report.mergeChanged(!revived.isEmpty(), !marked.isEmpty());
    }
    int countExpected = expectedCount + (db.dialect() == Dialect.MARIADB ? met.size() : 0);
    String problem = outcome.count != countExpected
        ? "update count " + outcome.count + ", expected " + countExpected + " (the oracle's " + expectedCount
            + ", " + met.size() + " deleted rows met)"
        : upsertProblem(upsert, before, expected, after, revived);
    if (problem != null) {
      report.fail(seed, problem, label, upsert.oracle());
      return;
    }
    report.upsertAgreed();
  }

  private static String upsertProblem(GeneratedUpsert upsert, Map<Object, List<Object>> before,
      Map<Object, List<Object>> expected, Map<Object, List<Object>> after, List<Object> revived) {
    Map<Object, List<Object>> live = new LinkedHashMap<>();
    Map<Object, List<Object>> deleted = new LinkedHashMap<>();
    after.forEach((id, row) -> (row.get(3) == null ? live : deleted).put(id, row));
    if (!after.keySet().containsAll(before.keySet())) {
      return "rows erased: had " + before.keySet() + ", has " + after.keySet();
    }
    if (!live.keySet().equals(expected.keySet())) {
      return "live ids " + live.keySet() + ", oracle " + expected.keySet();
    }
    List<String> columns = List.of("id", "k", "v");
    for (Map.Entry<Object, List<Object>> row : live.entrySet()) {
      List<Object> oracle = expected.get(row.getKey());
      for (int c = 0; c < columns.size(); c++) {
        boolean compared = !revived.contains(row.getKey()) || upsert.written(columns.get(c));
        if (compared && !Objects.equals(row.getValue().get(c), oracle.get(c))) {
          return "row " + row.getValue() + " (" + (revived.contains(row.getKey()) ? "revived" : "live")
              + "), oracle " + oracle;
        }
      }
    }
    // the deleted rows not revived unchanged; the live rows the oracle's copy lost (a DELETE) marked, not erased
    Map<Object, List<Object>> predicted = new LinkedHashMap<>();
    before.forEach((id, row) -> {
      if (row.get(3) != null && !revived.contains(id)) {
        predicted.put(id, row);
      } else if (row.get(3) == null && !expected.containsKey(id)) {
        List<Object> markedRow = new ArrayList<>(row);
        markedRow.set(3, "marked");
        predicted.put(id, markedRow);
      }
    });
    Map<Object, List<Object>> seen = new LinkedHashMap<>();
    deleted.forEach((id, row) -> {
      List<Object> was = before.get(id);
      boolean freshMark = was != null && was.get(3) == null;
      List<Object> shown = new ArrayList<>(row);
      if (freshMark) {
        shown.set(3, "marked");
      }
      seen.put(id, shown);
    });
    return seen.equals(predicted) ? null : "deleted rows " + seen + ", expected " + predicted;
  }

  private static Map<Object, List<Object>> rowsOf(Connection connection, String table) throws SQLException {
    Map<Object, List<Object>> rows = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
            "SELECT id, k, v, deleted_at FROM " + table + " ORDER BY id");
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
          row.add(result.getString(i));
        }
        rows.put(row.get(0), row);
      }
    }
    return rows;
  }

  /** Every row of every table, by id: id, k, v as text, and whether (or when) it was marked, by its own marker. */
  private static Map<FuzzTable, Map<Object, List<Object>>> snapshot(Connection connection) throws SQLException {
    Map<FuzzTable, Map<Object, List<Object>>> tables = new LinkedHashMap<>();
    for (FuzzTable table : FuzzTable.values()) {
      Map<Object, List<Object>> rows = new LinkedHashMap<>();
      try (PreparedStatement statement = connection.prepareStatement(
              "SELECT id, k, v, " + table.marker.column() + " FROM " + table.sqlName + " ORDER BY id");
          ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          row.add(result.getString(1));
          row.add(result.getString(2));
          row.add(result.getString(3));
          String mark = result.getString(4);
          // a fresh mark's time is the database's now: compared as "marked", old marks by their value; a value
          // marker's deleted value is "marked" too, its live value null as a timestamp's
          row.add(table.marker.isLive(mark) ? null : mark.startsWith("2020-") ? mark : "marked");
          rows.put(row.get(0), row);
        }
      }
      tables.put(table, rows);
    }
    return tables;
  }
}
