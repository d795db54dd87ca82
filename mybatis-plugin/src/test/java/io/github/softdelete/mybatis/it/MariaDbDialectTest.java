package io.github.softdelete.mybatis.it;

import static io.github.softdelete.mybatis.it.Jdbc.rewritten;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's SQL run on a real MariaDB, for the shapes H2 cannot run: multi-table DELETE and UPDATE,
 * DELETE ... ORDER BY ... LIMIT, backtick identifiers, and a DELETE whose subquery reads its own table.
 * Every expectation is worked out by hand from the rows each test inserts, or learnt from running the
 * original DELETE on a copy of the live rows; rows marked before the test carry 2020-01-01.
 */
class MariaDbDialectTest {
  private static final String DATABASE = "softdelete_it_dialect";
  /** Holds only the live rows: what the application believes its data is; the original DELETE runs here. */
  private static final String ORACLE_DATABASE = "softdelete_it_dialect_oracle";
  private static final String OLD_MARK = "2020-01-01 00:00:00";

  private Jdbc db;

  @BeforeEach
  void createTables() throws SQLException {
    db = new Jdbc(Databases.mariaDb(), List.of("users", "orders"));
    createDatabase(DATABASE);
  }

  private void createDatabase(String name) throws SQLException {
    db.execute(
        "DROP DATABASE IF EXISTS " + name,
        "CREATE DATABASE " + name,
        "USE " + name,
        "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, manager_id INT NULL,"
            + " deleted_at DATETIME NULL)",
        "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NOT NULL, amount INT NOT NULL,"
            + " deleted_at DATETIME NULL)");
  }

  @AfterEach
  void dropDatabases() throws SQLException {
    if (db != null) {
      db.execute("DROP DATABASE IF EXISTS " + DATABASE, "DROP DATABASE IF EXISTS " + ORACLE_DATABASE);
      db.close();
    }
  }

  @Test
  void shouldMarkOnlyOrdersOfLiveMatchingUsersInMultiTableDelete() throws SQLException {
    // given: two users named bob, one of them deleted; bob 1 has a live and an already deleted order
    db.execute(
        "INSERT INTO users (id, name, deleted_at) VALUES (1, 'bob', NULL), (2, 'bob', '" + OLD_MARK + "'),"
            + " (3, 'carol', NULL)",
        "INSERT INTO orders (id, user_id, amount, deleted_at) VALUES (10, 1, 5, NULL),"
            + " (11, 1, 5, '" + OLD_MARK + "'), (12, 2, 5, NULL), (13, 3, 5, NULL)");
    String sql = rewritten("DELETE o FROM orders o JOIN users u ON o.user_id = u.id WHERE u.name = 'bob'");

    // when
    int count = db.update(sql);

    // then: order 12 belongs to the deleted bob, 11 was already gone and keeps its old mark
    assertThat(sql).startsWith("UPDATE orders o JOIN users u");
    assertThat(count).isEqualTo(1);
    assertThat(db.markedIds("orders")).containsExactly("10", "11");
    assertThat(db.rows("SELECT deleted_at FROM orders WHERE id = 11")).containsExactly(OLD_MARK);
    assertThat(db.markedIds("users")).containsExactly("2");
  }

  @Test
  void shouldMarkBothTargetsOfMultiTableDeleteOnlyThroughLiveRows() throws SQLException {
    // given: bob 1 has two live orders and a deleted one; bob 2 is deleted with a live order; carol untouched
    db.execute(
        "INSERT INTO users (id, name, deleted_at) VALUES (1, 'bob', NULL), (2, 'bob', '" + OLD_MARK + "'),"
            + " (3, 'carol', NULL)",
        "INSERT INTO orders (id, user_id, amount, deleted_at) VALUES (10, 1, 5, NULL), (11, 1, 5, NULL),"
            + " (12, 1, 5, '" + OLD_MARK + "'), (13, 2, 5, NULL), (14, 3, 5, NULL)");

    // when
    int count = db.update(rewritten(
        "DELETE o, u FROM orders o JOIN users u ON o.user_id = u.id WHERE u.name = 'bob'"));

    // then: the real DELETE would erase bob 1 and his orders 10 and 11: three rows
    assertThat(count).isEqualTo(3);
    assertThat(db.markedIds("users")).containsExactly("1", "2");
    assertThat(db.markedIds("orders")).containsExactly("10", "11", "12");
    assertThat(db.rows("SELECT deleted_at FROM orders WHERE id = 12")).containsExactly(OLD_MARK);
  }

  @Test
  void shouldSkipDeletedRowsWhenDeleteHasOrderByAndLimit() throws SQLException {
    // given: the lowest id is already deleted, so the first two live orders are 11 and 12
    db.execute("INSERT INTO orders (id, user_id, amount, deleted_at) VALUES (10, 1, 5, '" + OLD_MARK + "'),"
        + " (11, 1, 5, NULL), (12, 1, 5, NULL), (13, 1, 5, NULL)");

    // when
    int count = db.update(rewritten("DELETE FROM orders ORDER BY id LIMIT 2"));

    // then
    assertThat(count).isEqualTo(2);
    assertThat(db.markedIds("orders")).containsExactly("10", "11", "12");
  }

  @Test
  void shouldRewriteStatementsWithBacktickIdentifiers() throws SQLException {
    // given
    db.execute(
        "INSERT INTO users (id, name, deleted_at) VALUES (1, 'bob', NULL), (2, 'bob', '" + OLD_MARK + "')",
        "INSERT INTO orders (id, user_id, amount, deleted_at) VALUES (10, 1, 50, NULL), (11, 1, 1, NULL),"
            + " (12, 2, 50, NULL), (13, 1, 60, '" + OLD_MARK + "')");

    // when
    int count = db.update(rewritten("DELETE FROM `orders` WHERE `amount` > 40 AND `user_id` = 2"));
    List<String> visible = db.query(rewritten("SELECT `o`.`id` FROM `orders` `o` JOIN `users` `u`"
        + " ON `u`.`id` = `o`.`user_id` WHERE `u`.`name` = 'bob' ORDER BY `o`.`id`"));

    // then: 12 is newly marked, 13 was marked before; of bob's orders only 10 and 11 are live
    assertThat(count).isEqualTo(1);
    assertThat(db.markedIds("orders")).containsExactly("12", "13");
    assertThat(visible).containsExactly("10", "11");
  }

  @Test
  void shouldLeaveDeletedRowsAloneInMultiTableUpdateAndIgnoreDeletedJoinedRows() throws SQLException {
    // given: bob is live, bert is deleted, carl does not match; each has live orders, bob a deleted one too
    db.execute(
        "INSERT INTO users (id, name, deleted_at) VALUES (1, 'bob', NULL), (2, 'bert', '" + OLD_MARK + "'),"
            + " (3, 'carl', NULL)",
        "INSERT INTO orders (id, user_id, amount, deleted_at) VALUES (10, 1, 100, NULL),"
            + " (11, 1, 100, '" + OLD_MARK + "'), (12, 2, 100, NULL), (13, 3, 100, NULL)");

    // when
    int count = db.update(rewritten(
        "UPDATE orders o JOIN users u ON o.user_id = u.id SET o.amount = o.amount + 1 WHERE u.name LIKE 'b%'"));

    // then
    assertThat(count).isEqualTo(1);
    assertThat(db.rows("SELECT id, amount FROM orders ORDER BY id"))
        .containsExactly("10|101", "11|100", "12|100", "13|100");
  }

  /**
   * A chain of managers whose names start with a: ann <- abe <- amy <- bob <- cat, plus al (deleted) <- dan.
   * A DELETE decides its rows before erasing any, so it erases the reports of ann, abe and amy: 2, 3, 4.
   * An UPDATE that re-read the subquery while marking would see abe gone after marking him and skip amy (3).
   */
  private void givenChainOfManagers() throws SQLException {
    db.execute("INSERT INTO users (id, name, manager_id, deleted_at) VALUES (1, 'ann', NULL, NULL),"
        + " (2, 'abe', 1, NULL), (3, 'amy', 2, NULL), (4, 'bob', 3, NULL), (5, 'cat', 4, NULL),"
        + " (6, 'al', NULL, '" + OLD_MARK + "'), (7, 'dan', 6, NULL)");
  }

  /** The ids a real DELETE erases from the live rows of {@link #givenChainOfManagers()}. */
  private List<String> idsErasedByRealDelete(String delete) throws SQLException {
    givenChainOfManagers();
    createDatabase(ORACLE_DATABASE);
    db.execute("INSERT INTO users SELECT * FROM " + DATABASE + ".users WHERE deleted_at IS NULL");
    List<String> before = db.rows("SELECT id FROM users ORDER BY id");
    db.execute(delete);
    List<String> erased = new ArrayList<>(before);
    erased.removeAll(db.rows("SELECT id FROM users ORDER BY id"));
    db.execute("USE " + DATABASE);
    return erased;
  }

  private List<String> newlyMarkedUsers() throws SQLException {
    return db.rows("SELECT id FROM users WHERE deleted_at IS NOT NULL AND deleted_at <> '" + OLD_MARK
        + "' ORDER BY id");
  }

  @Test
  void shouldMarkExactlyTheRowsARealDeleteErasesWhenSubqueryReadsTheSameTable() throws SQLException {
    // given
    String delete = "DELETE FROM users WHERE manager_id IN (SELECT id FROM users WHERE name LIKE 'a%')";
    List<String> erased = idsErasedByRealDelete(delete);
    String sql = rewritten(delete);

    // when
    int count = db.update(sql);

    // then
    assertThat(erased).containsExactly("2", "3", "4");
    assertThat(sql).contains("softdelete_snapshot");
    assertThat(count).isEqualTo(erased.size());
    assertThat(newlyMarkedUsers()).isEqualTo(erased);
  }

  @Test
  void shouldShowWhetherNaiveSelfReferencingUpdateDivergesOnMariaDb() throws SQLException {
    // given
    List<String> erased = idsErasedByRealDelete(
        "DELETE FROM users WHERE manager_id IN (SELECT id FROM users WHERE name LIKE 'a%')");

    // when: the conversion without materialising the subquery
    db.update("UPDATE users SET deleted_at = NOW() WHERE manager_id IN (SELECT id FROM users"
        + " WHERE name LIKE 'a%' AND deleted_at IS NULL) AND deleted_at IS NULL");

    // then: observed on MariaDB 10.11, the naive form does NOT diverge: since 10.3.2 MariaDB reads a
    // subquery on the UPDATE's own table in full before changing a row, as a DELETE does. So on MariaDB the
    // snapshot is harmless rather than necessary; MySQL instead refuses both the DELETE and the naive
    // UPDATE (error 1093), which no server here can show.
    assertThat(newlyMarkedUsers()).isEqualTo(erased).containsExactly("2", "3", "4");
  }

  @Test
  void shouldMarkExactlyTheRowsARealDeleteErasesWhenCorrelatedSubqueryReadsTheSameTable() throws SQLException {
    // given: the subquery refers to the row being deleted (users.manager_id)
    String delete = "DELETE FROM users WHERE EXISTS (SELECT 1 FROM users m"
        + " WHERE m.id = users.manager_id AND m.name LIKE 'a%')";
    List<String> erased = idsErasedByRealDelete(delete);

    // when
    int count = db.update(rewritten(delete));

    // then
    assertThat(erased).containsExactly("2", "3", "4");
    assertThat(count).isEqualTo(erased.size());
    assertThat(newlyMarkedUsers()).isEqualTo(erased);
  }
}
