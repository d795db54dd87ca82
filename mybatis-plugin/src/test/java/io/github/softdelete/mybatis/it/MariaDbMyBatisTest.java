package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract and MariaDB's own shapes through MyBatis XML mappers on a real MariaDB: backticks, DELETE ...
 * ORDER BY ... LIMIT, multi-table DELETE and UPDATE, INSERT IGNORE, ON DUPLICATE KEY UPDATE, REPLACE,
 * case-sensitive table names, and a DELETE whose subquery reads its own table, checked against a control
 * database where the original DELETE really runs.
 */
class MariaDbMyBatisTest extends MyBatisServerSuite {
  private static final String DATABASE = "softdelete_it_maria_mybatis";
  /** Holds only the live rows, what the application believes its data is; the original DELETE runs here. */
  private static final String CONTROL = "softdelete_it_maria_mybatis_control";

  @Override
  Jdbc connectAsAdmin() {
    return new Jdbc(Databases.mariaDb(), List.of("users", "orders"));
  }

  @Override
  void recreateSchema(String name) throws SQLException {
    db.execute("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
    useSchema(name);
  }

  @Override
  void useSchema(String name) throws SQLException {
    db.execute("USE " + name);
  }

  @Override
  void dropSchema(String name) throws SQLException {
    db.execute("DROP DATABASE IF EXISTS " + name);
  }

  @Override
  String schema() {
    return DATABASE;
  }

  @Override
  String driver() {
    return "org.mariadb.jdbc.Driver";
  }

  @Override
  String url(String schema) {
    return Databases.mariaDbUrl(schema);
  }

  @Override
  String user() {
    return "root";
  }

  @Override
  String dialectMapper() {
    return "io/github/softdelete/mybatis/it/MariaDbMapper.xml";
  }

  @Override
  List<String> extraTables() {
    return List.of(
        "CREATE TABLE Customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, deleted_at TIMESTAMP NULL)",
        "INSERT INTO Customers VALUES (1, 'acme', NULL), (2, 'globex', '" + OLD_MARK + "'), (3, 'initech', NULL)");
  }

  @Test
  void shouldRewriteStatementsWithBacktickIdentifiers() throws SQLException {
    try (SqlSession session = session()) {
      // when: orders of 20 or more are 11 (deleted), 12 and 13
      int count = session.delete("dialect.deleteDearOrdersBackticks", 20);

      // then
      assertThat(count).isEqualTo(2);
      assertThat(db.markedIds("orders")).containsExactly("11", "12", "13");
      assertThat(session.<Integer>selectList("dialect.ordersOfUserBackticks", "ann")).containsExactly(10);
    }
  }

  @Test
  void shouldRunUnaliasedBacktickedDatabaseQualifiedTable_regressionMangledQualifier() {
    try (SqlSession session = session()) {
      assertThat(session.<String>selectList("dialect.userNamesQuotedQualifiedUnaliased", Map.of("schema", DATABASE)))
          .containsExactly("ann", "bob", "cid", "eve");
    }
  }

  @Test
  void shouldChangeNoRowWhenDeleteReturningBecomesAnUpdateReturningMariaDbCannotRun() throws SQLException {
    try (SqlSession session = session()) {
      // when: MariaDB has DELETE ... RETURNING but no UPDATE ... RETURNING, so the server rejects the rewrite
      Throwable thrown = catchThrowable(() -> session.delete("dialect.deleteUserReturning", 1));

      // then: an error, never an erased row
      assertThat(thrown).isInstanceOf(PersistenceException.class).hasRootCauseInstanceOf(SQLSyntaxErrorException.class);
      assertThat(physicalCount("users")).isEqualTo(5);
      assertThat(db.markedIds("users")).containsExactly("4");
    }
  }

  @Test
  void shouldFilterTablesCarryingIndexHintsAndStraightJoin() {
    try (SqlSession session = session()) {
      // live orders 10 (ann) and 12 (bob); 13 is live but dee is deleted
      assertThat(session.<String>selectList("dialect.userNamesWithIndexHints")).containsExactly("ann", "bob");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "lockInShareMode|users|the SQL parser cannot read the statement (Encountered unexpected token:"
          + " \"LOCK\" \"LOCK\"), so softdelete cannot tell whether it leaks or erases deleted rows",
      "deleteUsingJoin|orders|the SQL parser cannot read the statement (Encountered unexpected token:"
          + " \"JOIN\" \"JOIN\"), so softdelete cannot tell whether it leaks or erases deleted rows"})
  void shouldRefuseWhatTheParserCannotReadBeforeItReachesTheServer(String id, String table, String reason)
      throws SQLException {
    try (SqlSession session = session()) {
      SoftDeleteException e = refusal(() -> session.selectList("dialect." + id));

      assertThat(e).hasMessage("softdelete: refused statement 'dialect." + id + "' on table '" + table + "': "
          + reason);
      assertThat(physicalCount("users")).isEqualTo(5);
      assertThat(db.markedIds("orders")).containsExactly("11");
    }
  }

  @Test
  void shouldSkipDeletedRowsWhenDeleteHasOrderByAndLimit() throws SQLException {
    try (SqlSession session = session()) {
      // when: the first two live orders by id are 10 and 12; 11 is already deleted
      int count = session.delete("dialect.deleteFirstOrders", 2);

      // then
      assertThat(count).isEqualTo(2);
      assertThat(db.markedIds("orders")).containsExactly("10", "11", "12");
      assertThat(physicalCount("orders")).isEqualTo(4);
    }
  }

  @Test
  void shouldMarkOnlyOrdersOfLiveUsersInMultiTableDelete() throws SQLException {
    try (SqlSession session = session()) {
      // when: dee is deleted, so her live order 13 does not match; ann's live order 10 does
      int ofDee = session.delete("dialect.deleteOrdersOfUsersNamedMultiTable", Map.of("name", "dee"));
      int ofAnn = session.delete("dialect.deleteOrdersOfUsersNamedMultiTable", Map.of("name", "ann"));

      // then
      assertThat(ofDee).isZero();
      assertThat(ofAnn).isEqualTo(1);
      assertThat(db.markedIds("orders")).containsExactly("10", "11");
      assertThat(db.markedIds("users")).containsExactly("4");
    }
  }

  @Test
  void shouldUpdateOnlyLiveOrdersOfLiveUsersInMultiTableUpdate() throws SQLException {
    try (SqlSession session = session()) {
      int count = session.update("dialect.copyUserNameIntoOrderNotesMultiTable");

      // 11 is deleted, 13 belongs to the deleted dee
      assertThat(count).isEqualTo(2);
      assertThat(db.rows("SELECT id, note FROM orders ORDER BY id")).containsExactly("10|ann", "11|", "12|bob", "13|");
    }
  }

  @Test
  void shouldRefuseInsertIgnoreOnSoftTableOutsideIncludeDeleted() throws SQLException {
    try (SqlSession session = session()) {
      // when: 4 is dee's key (deleted)
      SoftDeleteException e = refusal(() -> session.insert("dialect.insertIgnoreUser", nameChange(4, "dan")));
      int insideIncludeDeleted =
          IncludeDeleted.get(() -> session.insert("dialect.insertIgnoreUser", nameChange(4, "dan")));

      // then: refused before reaching the server; inside IncludeDeleted the deleted row still blocks the insert
      assertThat(e.getReason()).startsWith("INSERT IGNORE would silently insert nothing where a soft-deleted row"
          + " holds the key");
      assertThat(insideIncludeDeleted).isZero();
      assertThat(db.rows("SELECT name, deleted_at FROM users WHERE id = 4")).containsExactly("dee|" + OLD_MARK);
    }
  }

  @Test
  void shouldReviveTheDeletedRowWhenOnDuplicateKeyUpdateMeetsItsKeyAndUpdateItAsWrittenInsideIncludeDeleted()
      throws SQLException {
    try (SqlSession session = session()) {
      // when
      IncludeDeleted.run(() -> session.insert("dialect.upsertUserOnDuplicateKey", nameChange(4, "dan")));
      String afterInside = db.rows("SELECT name, deleted_at FROM users WHERE id = 4").get(0);
      int outside = session.insert("dialect.upsertUserOnDuplicateKey", nameChange(4, "dora"));

      // then: inside IncludeDeleted it updates the deleted row as written; outside, the row comes back live
      // (MariaDB counts that as an updated row: 2)
      assertThat(afterInside).isEqualTo("dan|" + OLD_MARK);
      assertThat(outside).isEqualTo(2);
      assertThat(db.rows("SELECT name, deleted_at FROM users WHERE id = 4")).containsExactly("dora|null");
    }
  }

  @Test
  void shouldRefuseReplaceIntoSoftTable() throws SQLException {
    try (SqlSession session = session()) {
      SoftDeleteException e = refusal(() -> session.insert("dialect.replaceUser", nameChange(4, "dan")));

      assertThat(e).hasMessage("softdelete: refused statement 'dialect.replaceUser' on table 'users':"
          + " REPLACE replaces or updates the row whose key it meets, soft-deleted or not;"
          + " use INSERT, or UPDATE the live row");
      assertThat(db.rows("SELECT name, deleted_at FROM users WHERE id = 4")).containsExactly("dee|" + OLD_MARK);
    }
  }

  @Test
  void shouldDetectAndFilterMixedCaseTableUnderCaseSensitiveTableNames() throws SQLException {
    // given: lower_case_table_names=0 (the Linux default): Customers is stored, and must be written, as is
    assertThat(db.rows("SELECT @@lower_case_table_names")).containsExactly("0");

    try (SqlSession session = detectingSession()) {
      // when
      List<String> before = session.selectList("dialect.customerNames");
      int count = session.delete("dialect.deleteCustomer", 1);

      // then
      assertThat(before).containsExactly("acme", "initech");
      assertThat(count).isEqualTo(1);
      assertThat(db.markedIds("Customers")).containsExactly("1", "2");
      assertThat(session.<String>selectList("dialect.customerNames")).containsExactly("initech");
    }
  }

  /**
   * Soft table names match case-insensitively, as everywhere in this library; under case-sensitive table
   * names a second table USERS beside users is therefore taken as soft too. It has no marker column, so its
   * statements fail on the server: an error, never an unfiltered read of users or a lost row.
   */
  @Test
  void shouldFailRatherThanReadOrEraseWhenATableDiffersFromASoftOneOnlyInCase() throws SQLException {
    // given
    db.execute("CREATE TABLE USERS (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)",
        "INSERT INTO USERS VALUES (1, 'upper')");

    try (SqlSession session = session()) {
      // when
      Throwable read = catchThrowable(() -> session.selectList("dialect.upperCaseTwinNames"));
      Throwable delete = catchThrowable(() -> session.delete("dialect.deleteFromUpperCaseTwin", 1));

      // then
      assertThat(read).isInstanceOf(PersistenceException.class).hasRootCauseInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("Unknown column 'USERS.deleted_at'");
      assertThat(delete).isInstanceOf(PersistenceException.class)
          .hasRootCauseInstanceOf(SQLSyntaxErrorException.class);
      assertThat(physicalCount("USERS")).isEqualTo(1);
      assertThat(physicalCount("users")).isEqualTo(5);
    }
  }

  /**
   * A chain of managers whose names start with a: ann <- abe <- amy <- bob <- cat, plus al (deleted) <- dan.
   * A DELETE decides its rows before erasing any; an UPDATE that re-read its own table while marking would
   * see abe marked and skip amy.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dialect.deleteReportsOfManagersNamed", "dialect.deleteReportsOfManagersNamedCorrelated"})
  void shouldMarkExactlyTheRowsARealDeleteErasesWhenTheSubqueryReadsTheSameTable(String statementId)
      throws SQLException {
    assertMarksExactlyWhatARealDeleteErases(statementId);
  }

  /**
   * Regression, bug "qualified correlation wrapped": a correlated subquery naming its outer target as
   * {@code db.users} was not seen as correlated, was moved into a derived table, and MariaDB answered
   * "Unknown column".
   */
  @Test
  void shouldKeepCorrelatedSubqueryOnDatabaseQualifiedTargetInPlace_regressionQualifiedCorrelationWrapped()
      throws SQLException {
    assertMarksExactlyWhatARealDeleteErases("dialect.deleteReportsOfManagersNamedCorrelatedQualified");
  }

  private void assertMarksExactlyWhatARealDeleteErases(String statementId) throws SQLException {
    // given: the chain here, and its live rows in the control database
    String chain = "INSERT INTO users (id, name, manager_id, deleted_at) VALUES (1, 'ann', NULL, NULL),"
        + " (2, 'abe', 1, NULL), (3, 'amy', 2, NULL), (4, 'bob', 3, NULL), (5, 'cat', 4, NULL),"
        + " (6, 'al', NULL, '" + OLD_MARK + "'), (7, 'dan', 6, NULL)";
    db.execute("DELETE FROM orders", "DELETE FROM users", chain);
    List<String> erasedByRealDelete;
    try {
      recreateSchema(CONTROL);
      db.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, manager_id INT NULL,"
          + " deleted_at TIMESTAMP NULL)", chain, "DELETE FROM users WHERE deleted_at IS NOT NULL");
      List<String> before = db.rows("SELECT id FROM users ORDER BY id");
      db.execute("DELETE FROM users WHERE manager_id IN (SELECT id FROM users WHERE name LIKE 'a%')");
      List<String> after = db.rows("SELECT id FROM users ORDER BY id");
      erasedByRealDelete = before.stream().filter(id -> !after.contains(id)).toList();
    } finally {
      dropSchema(CONTROL);
      useSchema(DATABASE);
    }

    try (SqlSession session = session()) {
      // when
      int count = session.delete(statementId, Map.of("schema", DATABASE, "prefix", "a%"));

      // then: the reports of ann, abe and amy, as the real DELETE erased; al's report dan stays
      assertThat(erasedByRealDelete).containsExactly("2", "3", "4");
      assertThat(count).isEqualTo(erasedByRealDelete.size());
      assertThat(db.rows("SELECT id FROM users WHERE deleted_at IS NOT NULL AND id <> 6 ORDER BY id"))
          .isEqualTo(erasedByRealDelete);
      assertThat(physicalCount("users")).isEqualTo(7);
    }
  }
}
