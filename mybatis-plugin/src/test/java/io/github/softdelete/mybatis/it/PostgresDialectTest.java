package io.github.softdelete.mybatis.it;

import static io.github.softdelete.mybatis.it.Jdbc.rewritten;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's SQL run on a real PostgreSQL, for the shapes H2 cannot run: DELETE ... USING, UPDATE ... FROM,
 * RETURNING, FULL joins, quoted mixed-case names, ILIKE, {@code ::} casts and DISTINCT ON. Every expectation
 * is worked out by hand from the rows each test inserts; rows marked before the test carry 2020-01-01.
 */
class PostgresDialectTest {
  private static final String SCHEMA = "softdelete_it_dialect";
  private static final String OLD_MARK = "2020-01-01 00:00:00";

  private Jdbc db;

  @BeforeEach
  void createTables() throws SQLException {
    db = new Jdbc(Databases.postgres(), List.of("users", "orders", "\"Users\""));
    db.execute(
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "CREATE SCHEMA " + SCHEMA,
        "SET search_path TO " + SCHEMA,
        "CREATE TABLE users (id INT PRIMARY KEY, name TEXT NOT NULL, bonus INT NOT NULL DEFAULT 0,"
            + " manager_id INT NULL, deleted_at TIMESTAMP NULL)",
        "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NOT NULL, amount INT NOT NULL,"
            + " note TEXT NOT NULL DEFAULT '', deleted_at TIMESTAMP NULL)",
        "CREATE TABLE \"Users\" (id INT PRIMARY KEY, name TEXT NOT NULL, deleted_at TIMESTAMP NULL)");
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (db != null) {
      db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      db.close();
    }
  }

  @Test
  void shouldMarkOnlyOrdersOfLiveMatchingUsersWhenDeleteUsingBecomesUpdateFrom() throws SQLException {
    // given: two users named bob, one of them deleted; bob 1 has a live and an already deleted order
    db.execute(
        "INSERT INTO users (id, name, deleted_at) VALUES (1, 'bob', NULL), (2, 'bob', '" + OLD_MARK + "'),"
            + " (3, 'carol', NULL)",
        "INSERT INTO orders (id, user_id, amount, deleted_at) VALUES (10, 1, 5, NULL),"
            + " (11, 1, 5, '" + OLD_MARK + "'), (12, 2, 5, NULL), (13, 3, 5, NULL)");
    String sql = rewritten("DELETE FROM orders o USING users u WHERE o.user_id = u.id AND u.name = 'bob'");

    // when
    int count = db.update(sql);

    // then: order 12 belongs to the deleted bob, 11 was already gone and keeps its old mark
    assertThat(sql).startsWith("UPDATE orders o SET deleted_at = CURRENT_TIMESTAMP FROM users u");
    assertThat(count).isEqualTo(1);
    assertThat(db.markedIds("orders")).containsExactly("10", "11");
    assertThat(db.rows("SELECT deleted_at FROM orders WHERE id = 11")).containsExactly(OLD_MARK);
    assertThat(db.markedIds("users")).containsExactly("2");
  }

  @Test
  void shouldNotLetDeletedFromTableRowsDriveUpdateFrom() throws SQLException {
    // given: alice is live, bert is deleted; each has a live order; alice also has a deleted one
    db.execute(
        "INSERT INTO users (id, name, bonus, deleted_at) VALUES (1, 'alice', 10, NULL),"
            + " (2, 'bert', 20, '" + OLD_MARK + "')",
        "INSERT INTO orders (id, user_id, amount, deleted_at) VALUES (10, 1, 100, NULL), (11, 2, 100, NULL),"
            + " (12, 1, 100, '" + OLD_MARK + "')");

    // when
    int count = db.update(rewritten(
        "UPDATE orders o SET amount = o.amount + u.bonus FROM users u WHERE o.user_id = u.id"));

    // then: only the live order of the live user got the bonus
    assertThat(count).isEqualTo(1);
    assertThat(db.rows("SELECT id, amount FROM orders ORDER BY id"))
        .containsExactly("10|110", "11|100", "12|100");
    assertThat(db.markedIds("orders")).containsExactly("12");
  }

  @Test
  void shouldReturnNewlyMarkedRowsFromDeleteReturning() throws SQLException {
    // given: two cheap orders, one of them already deleted, and a dear one
    db.execute("INSERT INTO orders (id, user_id, amount, deleted_at) VALUES (10, 1, 5, NULL),"
        + " (11, 1, 5, '" + OLD_MARK + "'), (12, 1, 50, NULL)");

    // when
    List<String> returned = db.query(rewritten(
        "DELETE FROM orders WHERE amount < 10 RETURNING id, deleted_at IS NOT NULL AS marked"));

    // then: RETURNING sees the row as the statement left it: marked
    assertThat(returned).containsExactly("10|t");
    assertThat(db.markedIds("orders")).containsExactly("10", "11");
  }

  @Test
  void shouldMarkOneRowAndKeepItsMarkWhenDeletedTwiceById() throws SQLException {
    // given
    db.execute("INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob'), (3, 'cat')");
    String sql = rewritten("DELETE FROM users WHERE id = 2");

    // when
    int first = db.update(sql);
    List<String> firstMark = db.rows("SELECT deleted_at FROM users WHERE id = 2");
    int second = db.update(sql);

    // then: the second delete finds nothing live to delete, as a real DELETE would, and keeps the mark
    assertThat(first).isEqualTo(1);
    assertThat(second).isZero();
    assertThat(db.markedIds("users")).containsExactly("2");
    assertThat(db.rows("SELECT deleted_at FROM users WHERE id = 2")).isEqualTo(firstMark);
  }

  @Test
  void shouldKeepUsersWithOnlyDeletedOrdersInLeftJoin() throws SQLException {
    // given: user 1 has only deleted orders, user 2 a live one, user 3 is deleted but has a live order
    db.execute(
        "INSERT INTO users (id, name, deleted_at) VALUES (1, 'ann', NULL), (2, 'bob', NULL),"
            + " (3, 'cat', '" + OLD_MARK + "')",
        "INSERT INTO orders (id, user_id, amount, deleted_at) VALUES (10, 1, 5, '" + OLD_MARK + "'),"
            + " (11, 1, 5, '" + OLD_MARK + "'), (12, 2, 5, NULL), (13, 3, 5, NULL)");

    // when
    List<String> rows = db.query(rewritten(
        "SELECT u.id, o.id FROM users u LEFT JOIN orders o ON o.user_id = u.id ORDER BY u.id, o.id"));

    // then
    assertThat(rows).containsExactly("1|null", "2|12");
  }

  @Test
  void shouldMatchLiveOnlyOracleInRightJoin() throws SQLException {
    givenUsersAndOrdersOnBothSidesOfOuterJoins();

    // when
    List<String> rows = db.query(rewritten(
        "SELECT u.id, o.id FROM users u RIGHT JOIN orders o ON o.user_id = u.id ORDER BY 2, 1"));

    // then
    assertThat(rows)
        .isEqualTo(db.rows("SELECT u.id, o.id FROM " + live("users", "u") + " RIGHT JOIN " + live("orders", "o")
            + " ON o.user_id = u.id ORDER BY 2, 1"))
        .containsExactly("1|10", "null|12", "null|13");
  }

  @Test
  void shouldMatchLiveOnlyOracleInFullJoin() throws SQLException {
    givenUsersAndOrdersOnBothSidesOfOuterJoins();

    // when
    List<String> rows = db.query(rewritten(
        "SELECT u.id, o.id FROM users u FULL JOIN orders o ON o.user_id = u.id ORDER BY 1, 2"));

    // then
    assertThat(rows)
        .isEqualTo(db.rows("SELECT u.id, o.id FROM " + live("users", "u") + " FULL JOIN " + live("orders", "o")
            + " ON o.user_id = u.id ORDER BY 1, 2"))
        .containsExactly("1|10", "2|null", "null|12", "null|13");
  }

  /** user 1 live with live order 10 and deleted 11; user 2 live, no live order; user 3 deleted, order 12. */
  private void givenUsersAndOrdersOnBothSidesOfOuterJoins() throws SQLException {
    db.execute(
        "INSERT INTO users (id, name, deleted_at) VALUES (1, 'ann', NULL), (2, 'bob', NULL),"
            + " (3, 'cat', '" + OLD_MARK + "')",
        "INSERT INTO orders (id, user_id, amount, deleted_at) VALUES (10, 1, 5, NULL),"
            + " (11, 1, 5, '" + OLD_MARK + "'), (12, 3, 5, NULL), (13, 9, 5, NULL),"
            + " (14, 2, 5, '" + OLD_MARK + "')");
  }

  private static String live(String table, String alias) {
    return "(SELECT * FROM " + table + " WHERE deleted_at IS NULL) " + alias;
  }

  @Test
  void shouldTreatQuotedMixedCaseTableAsSoft() throws SQLException {
    // given: "Users" is a different table from users in PostgreSQL; only the quoted one has rows
    db.execute("INSERT INTO \"Users\" (id, name) VALUES (1, 'ann'), (2, 'bob')");
    var engine = Jdbc.engine("Users");

    // when
    int count = db.update(engine.rewrite("DELETE FROM \"Users\" WHERE id = 1", SoftDeleteMode.DEFAULT).sql());
    List<String> visible = db.query(engine.rewrite(
        "SELECT \"Users\".id FROM \"Users\" ORDER BY \"Users\".id", SoftDeleteMode.DEFAULT).sql());

    // then
    assertThat(count).isEqualTo(1);
    assertThat(db.markedIds("\"Users\"")).containsExactly("1");
    assertThat(visible).containsExactly("2");
  }

  @Test
  void shouldKeepIlikeCastsAndDistinctOnWorking() throws SQLException {
    // given: user 1's latest gift order (11) is deleted, so its latest live one is 10; user 2's is 12
    db.execute("INSERT INTO orders (id, user_id, amount, note, deleted_at) VALUES"
        + " (10, 1, 5, 'Gift wrap', NULL), (11, 1, 5, 'GIFT card', '" + OLD_MARK + "'),"
        + " (12, 2, 5, 'gift', NULL), (13, 2, 5, 'other', NULL)");

    // when
    List<String> rows = db.query(rewritten("SELECT DISTINCT ON (user_id) user_id, id::text || '!' AS latest"
        + " FROM orders WHERE note ILIKE 'gift%' ORDER BY user_id, id DESC"));

    // then
    assertThat(rows).containsExactly("1|10!", "2|12!");
  }

  @Test
  void shouldMarkReportsOfLiveManagersWhenCorrelatedSubqueryReadsTheSameTable() throws SQLException {
    // given: ann <- abe <- amy <- bob, and al (deleted) <- dan; a DELETE decides its rows before erasing any
    db.execute("INSERT INTO users (id, name, manager_id, deleted_at) VALUES (1, 'ann', NULL, NULL),"
        + " (2, 'abe', 1, NULL), (3, 'amy', 2, NULL), (4, 'bob', 3, NULL),"
        + " (6, 'al', NULL, '" + OLD_MARK + "'), (7, 'dan', 6, NULL)");

    // when
    int count = db.update(rewritten("DELETE FROM users WHERE EXISTS (SELECT 1 FROM users m"
        + " WHERE m.id = users.manager_id AND m.name LIKE 'a%')"));

    // then: the reports of ann, abe and amy; dan's manager is deleted, so he stays
    assertThat(count).isEqualTo(3);
    assertThat(db.markedIds("users")).containsExactly("2", "3", "4", "6");
  }
}
