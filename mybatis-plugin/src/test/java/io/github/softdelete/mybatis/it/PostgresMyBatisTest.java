package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract and PostgreSQL's own shapes through MyBatis XML mappers on a real PostgreSQL: DELETE ...
 * RETURNING, INSERT ... ON CONFLICT, ILIKE, {@code ::} casts, DISTINCT ON, LATERAL, DELETE ... USING, UPDATE
 * ... FROM, JSON operators, a schema on the search path, quoted mixed-case names, detection with case folding.
 */
class PostgresMyBatisTest extends MyBatisServerSuite {
  private static final String SCHEMA = "softdelete_it_pg_mybatis";

  @Override
  Jdbc connectAsAdmin() {
    return new Jdbc(Databases.postgres(), List.of("users", "orders"));
  }

  @Override
  void recreateSchema(String name) throws SQLException {
    db.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE", "CREATE SCHEMA " + name);
    useSchema(name);
  }

  @Override
  void useSchema(String name) throws SQLException {
    db.execute("SET search_path TO " + name);
  }

  @Override
  void dropSchema(String name) throws SQLException {
    db.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }

  @Override
  String schema() {
    return SCHEMA;
  }

  @Override
  String driver() {
    return "org.postgresql.Driver";
  }

  @Override
  String url(String schema) {
    return Databases.postgresUrl(schema);
  }

  @Override
  String user() {
    return "postgres";
  }

  @Override
  String dialectMapper() {
    return "io/github/softdelete/mybatis/it/PostgresMapper.xml";
  }

  @Override
  List<String> extraTables() {
    return List.of(
        "ALTER TABLE users ADD COLUMN prefs JSONB NOT NULL DEFAULT '{}'",
        "UPDATE users SET prefs = '{\"theme\": \"dark\", \"beta\": true}' WHERE id IN (1, 4)",
        "UPDATE users SET prefs = '{\"theme\": \"dark\", \"beta\": false}' WHERE id = 2",
        "CREATE TABLE \"Customers\" (\"id\" INT PRIMARY KEY, \"name\" TEXT NOT NULL, deleted_at TIMESTAMP NULL)",
        "INSERT INTO \"Customers\" VALUES (1, 'acme', NULL), (2, 'globex', '" + OLD_MARK + "'), (3, 'initech', NULL)");
  }

  @Test
  void shouldReturnTheNowMarkedRowsFromDeleteReturning() throws SQLException {
    try (SqlSession session = session()) {
      // when: orders below 25 are 10 and 12 (live) and none deleted; 11 (50) and 13 (30) are dearer
      List<Map<String, Object>> returned = session.selectList("dialect.deleteCheapOrdersReturning", 25);

      // then: RETURNING sees each row as the statement left it: there, and marked
      assertThat(returned).extracting(row -> row.get("id")).containsExactlyInAnyOrder(10, 12);
      assertThat(returned).extracting(row -> row.get("marked")).containsOnly(true);
      assertThat(physicalCount("orders")).isEqualTo(4);
      assertThat(db.markedIds("orders")).containsExactly("10", "11", "12");
    }
  }

  @Test
  void shouldReviveTheDeletedRowWhenOnConflictDoNothingMeetsItsKey() throws SQLException {
    try (SqlSession session = session()) {
      // when: 4 is dee's key (deleted); 6 is free
      int onDeletedKey = session.insert("dialect.insertUserOnConflictDoNothing", nameChange(4, "dan"));
      int onFreeKey = session.insert("dialect.insertUserOnConflictDoNothing", nameChange(6, "fay"));

      // then: as if the deleted row did not exist: both insert, dee's row comes back as dan
      assertThat(onDeletedKey).isEqualTo(1);
      assertThat(onFreeKey).isEqualTo(1);
      assertThat(db.rows("SELECT name, deleted_at FROM users WHERE id = 4")).containsExactly("dan|null");
      assertThat(session.<String>selectList("common.userNames"))
          .containsExactly("ann", "bob", "cid", "dan", "eve", "fay");
    }
  }

  @Test
  void shouldReviveTheDeletedRowWhenOnConflictDoUpdateMeetsItsKeyAndUpdateItAsWrittenInsideIncludeDeleted()
      throws SQLException {
    try (SqlSession session = session()) {
      // when
      int insideIncludeDeleted =
          IncludeDeleted.get(() -> session.insert("dialect.upsertUserOnConflictDoUpdate", nameChange(4, "dan")));
      String afterInside = db.rows("SELECT name, deleted_at FROM users WHERE id = 4").get(0);
      int outside = session.insert("dialect.upsertUserOnConflictDoUpdate", nameChange(4, "dora"));

      // then: inside IncludeDeleted it updates the deleted row as written; outside, the row comes back live
      assertThat(insideIncludeDeleted).isEqualTo(1);
      assertThat(afterInside).isEqualTo("dan|" + OLD_MARK);
      assertThat(outside).isEqualTo(1);
      assertThat(db.rows("SELECT name, deleted_at FROM users WHERE id = 4")).containsExactly("dora|null");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "mergeInsertingByName|a MERGE with WHEN NOT MATCHED can meet a soft-deleted row, which softdelete revives"
          + " exactly only when the ON matches every primary key column (id) to a value of the source alone,"
          + " qualified, without parameters (ON u.id = s.id); match on the key, or test the marker in ON yourself"
          + " (AND u.deleted_at IS NULL), which leaves the MERGE as written",
      "deleteInCte|softdelete cannot tell how to keep deleted rows out of where this statement uses the table"
          + " (PLAINSELECT); rewrite the statement, or run it inside IncludeDeleted.run(...) if deleted rows"
          + " may take part",
      "tableStatement|softdelete cannot tell how to keep deleted rows out of where this statement uses the"
          + " table (TABLESTATEMENT); rewrite the statement, or run it inside IncludeDeleted.run(...) if deleted"
          + " rows may take part",
      "deleteFromOnly|the SQL parser cannot read the statement (Encountered unexpected token: \"ONLY\""
          + " \"ONLY\"), so softdelete cannot tell whether it leaks or erases deleted rows"})
  void shouldRefuseWhatTheEngineCannotRewriteBeforeItReachesTheServer(String id, String reason)
      throws SQLException {
    try (SqlSession session = session()) {
      SoftDeleteException e = refusal(() -> session.selectList("dialect." + id));

      assertThat(e).hasMessage("softdelete: refused statement 'dialect." + id + "' on table 'users': " + reason);
      assertThat(physicalCount("users")).isEqualTo(5);
      assertThat(db.markedIds("users")).containsExactly("4");
    }
  }

  @Test
  void shouldKeepIlikeCastsAndDistinctOnWorkingOverLiveRows() throws SQLException {
    // given: ann's latest gift order 14 is deleted, so her latest live one is 10; bob's is 12
    db.execute("UPDATE orders SET note = 'Gift wrap' WHERE id IN (10, 12, 13)",
        "INSERT INTO orders (id, user_id, amount, note, deleted_at) VALUES (14, 1, 5, 'GIFT card', '"
            + OLD_MARK + "')");

    try (SqlSession session = session()) {
      // when
      List<String> latest = session.selectList("dialect.latestGiftOrderPerUser", "gift%");

      // then: dee's order 13 is live, but DISTINCT ON still sees it (only users would hide her): 4:13
      assertThat(latest).containsExactly("1:10", "2:12", "4:13");
    }
  }

  @Test
  void shouldFilterInsideLeftJoinLateral() {
    try (SqlSession session = session()) {
      // ann's largest order, 11 (50), is deleted: 10; bob: 12; cid and eve have none; dee is deleted
      assertThat(session.<String>selectList("dialect.largestOrderPerUserThroughLateral"))
          .containsExactly("ann:10", "bob:12", "cid:-", "eve:-");
    }
  }

  @Test
  void shouldMarkOnlyOrdersOfLiveUsersInDeleteUsing() throws SQLException {
    try (SqlSession session = session()) {
      // when: dee is deleted, so her live order 13 does not match; ann's live order 10 does
      int ofDee = session.delete("dialect.deleteOrdersOfUsersNamedUsing", Map.of("name", "dee"));
      int ofAnn = session.delete("dialect.deleteOrdersOfUsersNamedUsing", Map.of("name", "ann"));

      // then
      assertThat(ofDee).isZero();
      assertThat(ofAnn).isEqualTo(1);
      assertThat(physicalCount("orders")).isEqualTo(4);
      assertThat(db.markedIds("orders")).containsExactly("10", "11");
    }
  }

  @Test
  void shouldUpdateOnlyLiveOrdersOfLiveUsersInUpdateFrom() throws SQLException {
    try (SqlSession session = session()) {
      int count = session.update("dialect.copyUserNameIntoOrderNotesFrom");

      // 11 is deleted, 13 belongs to the deleted dee
      assertThat(count).isEqualTo(2);
      assertThat(db.rows("SELECT id, note FROM orders ORDER BY id")).containsExactly("10|ann", "11|", "12|bob", "13|");
    }
  }

  @Test
  void shouldFilterStatementsUsingJsonOperators() {
    try (SqlSession session = session()) {
      // dee (deleted) and ann have the dark theme with beta on; bob's beta is off
      assertThat(session.<String>selectList("dialect.namesByTheme", "dark")).containsExactly("ann");
      assertThat(IncludeDeleted.get(() -> session.<String>selectList("dialect.namesByTheme", "dark")))
          .containsExactly("ann", "dee");
    }
  }

  @Test
  void shouldTreatTheSearchPathSchemaQualifiedOrNotAsTheSameSoftTable() throws SQLException {
    try (SqlSession session = detectingSession()) {
      // when
      List<String> qualified = session.selectList("dialect.userNamesQualified", Map.of("schema", SCHEMA));
      int count = session.delete("dialect.deleteUserQualified", Map.of("schema", SCHEMA, "id", 3));

      // then
      assertThat(qualified).containsExactly("ann", "bob", "cid", "eve");
      assertThat(count).isEqualTo(1);
      assertThat(db.markedIds("users")).containsExactly("3", "4");
      assertThat(session.<String>selectList("common.userNames")).containsExactly("ann", "bob", "eve");
    }
  }

  @Test
  void shouldRunUnaliasedQuotedSchemaQualifiedTable_regressionMangledQualifier() {
    try (SqlSession session = session()) {
      assertThat(session.<String>selectList("dialect.userNamesQuotedQualifiedUnaliased", Map.of("schema", SCHEMA)))
          .containsExactly("ann", "bob", "cid", "eve");
    }
  }

  @Test
  void shouldDetectAndFilterQuotedMixedCaseTable() throws SQLException {
    try (SqlSession session = detectingSession()) {
      // when
      List<String> before = session.selectList("dialect.customerNames");
      int count = session.delete("dialect.deleteCustomer", 1);

      // then
      assertThat(before).containsExactly("acme", "initech");
      assertThat(count).isEqualTo(1);
      assertThat(db.rows("SELECT \"id\" FROM \"Customers\" WHERE deleted_at IS NOT NULL ORDER BY 1"))
          .containsExactly("1", "2");
      assertThat(session.<String>selectList("dialect.customerNames")).containsExactly("initech");
    }
  }

  @Test
  void shouldDetectUnquotedUpperCaseColumnAsPostgresFoldsIt() {
    // given: PostgreSQL stores unquoted DELETED_AT as deleted_at; quoted "DELETED_AT" is another column
    Properties upper = new Properties();
    upper.setProperty("column", "DELETED_AT");
    Properties quotedUpper = new Properties();
    quotedUpper.setProperty("column", "\"DELETED_AT\"");

    try (SqlSession folded = session(upper, SCHEMA); SqlSession exact = session(quotedUpper, SCHEMA)) {
      // then: found through the folded name; no table has a column named exactly DELETED_AT, so nothing is soft
      assertThat(folded.<String>selectList("common.userNames")).containsExactly("ann", "bob", "cid", "eve");
      assertThat(exact.<String>selectList("common.userNames")).containsExactly("ann", "bob", "cid", "dee", "eve");
    }
  }

  @Test
  void shouldDetectSoftTableOfALaterSchemaOnTheSearchPath() throws SQLException {
    // given: accounts exists only in a schema that comes second on the search path, with deleted_at
    String later = SCHEMA + "_later";
    try {
      db.execute("DROP TABLE accounts", "DROP SCHEMA IF EXISTS " + later + " CASCADE", "CREATE SCHEMA " + later,
          "CREATE TABLE " + later + ".accounts (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
              + " deleted_at TIMESTAMP NULL)",
          "INSERT INTO " + later + ".accounts VALUES (1, 'main', NULL), (2, 'spare', NULL),"
              + " (3, 'gone', '" + OLD_MARK + "')");

      try (SqlSession session = session(new Properties(), SCHEMA + "," + later)) {
        // when: the mapper names accounts unqualified, so the search path finds it in the later schema
        List<String> names = session.selectList("common.accountNames");
        int count = session.delete("common.deleteAccount", 2);

        // then: detected as soft: filtered, and the DELETE marks instead of erasing
        assertThat(names).containsExactly("main", "spare");
        assertThat(count).isEqualTo(1);
        assertThat(db.rows("SELECT id FROM " + later + ".accounts WHERE deleted_at IS NOT NULL ORDER BY id"))
            .containsExactly("2", "3");
        assertThat(db.rows("SELECT count(*) FROM " + later + ".accounts")).containsExactly("3");
      }
    } finally {
      db.execute("DROP SCHEMA IF EXISTS " + later + " CASCADE");
    }
  }
}
