package io.github.softdelete.mybatis.it;

import static io.github.softdelete.mybatis.it.UpsertSessions.OLD_MARK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ON CONFLICT on a soft table, through MyBatis on a real PostgreSQL: meeting a deleted row it behaves as if
 * the row did not exist (the row comes back live with the inserted values, counted as one insert); meeting
 * a live row, as written.
 */
class PostgresUpsertTest {
  private static final String SCHEMA = "softdelete_it_upsert_pg";

  interface Members {
    @Insert("INSERT INTO members (id, name) VALUES (#{id}, #{name}) ON CONFLICT (id) DO NOTHING")
    int addIfAbsent(@Param("id") int id, @Param("name") String name);

    @Insert("INSERT INTO members (id, name) VALUES (#{id}, #{name}) ON CONFLICT DO NOTHING")
    int addIfAbsentAnyKey(@Param("id") int id, @Param("name") String name);

    @Insert("INSERT INTO members (id, name, visits) VALUES (#{id}, #{name}, 1)"
        + " ON CONFLICT (id) DO UPDATE SET visits = members.visits + 1")
    int visit(@Param("id") int id, @Param("name") String name);

    @Insert("INSERT INTO members AS m (id, name, visits) VALUES (#{id}, #{name}, 1)"
        + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name WHERE m.visits < 5")
    int renameIfNew(@Param("id") int id, @Param("name") String name);

    @Insert("INSERT INTO accounts (id, email) VALUES (#{id}, #{email})"
        + " ON CONFLICT (email) WHERE deleted_at IS NULL DO UPDATE SET id = accounts.id")
    int signUp(@Param("id") int id, @Param("email") String email);

    @Select("SELECT name FROM members ORDER BY id")
    List<String> names();
  }

  private Jdbc db;
  private UpsertSessions sessions;

  @BeforeEach
  void createSchema() throws SQLException {
    db = new Jdbc(Databases.postgres(), List.of());
    db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
        "SET search_path TO " + SCHEMA, UpsertSessions.MEMBERS, UpsertSessions.MEMBER_ROWS);
    sessions = new UpsertSessions("org.postgresql.Driver", Databases.postgresUrl(SCHEMA), "postgres");
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (sessions != null) {
      sessions.close();
    }
    if (db != null) {
      db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      db.close();
    }
  }

  private List<String> members() throws SQLException {
    return db.rows("SELECT id, name, visits, deleted_at, deleted_by FROM members ORDER BY id");
  }

  @Test
  void shouldReviveADeletedRowThatOnConflictDoNothingMeetsAndLeaveALiveOneAlone() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      // when: 1 is live, 2 deleted, 3 free
      int onLive = members.addIfAbsent(1, "al");
      int onDeleted = members.addIfAbsent(2, "bea");
      int onFree = members.addIfAbsent(3, "cy");

      // then: counted as DO NOTHING counts on a table without the deleted row; visits is not inserted, so the
      // revived row takes its default, as the newly inserted row 3 does
      assertThat(List.of(onLive, onDeleted, onFree)).containsExactly(0, 1, 1);
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bea|0|null|null", "3|cy|0|null|null");
      assertThat(members.names()).containsExactly("ann", "bea", "cy");
    }
  }

  @Test
  void shouldReviveADeletedRowThatOnConflictDoUpdateMeetsWithExactlyTheInsertedValues() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, null)) {
      Members members = session.getMapper(Members.class);

      int onLive = members.visit(1, "al");
      int onDeleted = members.visit(2, "bea");
      int onFree = members.visit(3, "cy");

      // then: the live row is updated as written; the deleted one is inserted anew: name and visits as inserted
      assertThat(List.of(onLive, onDeleted, onFree)).containsExactly(1, 1, 1);
      assertThat(members()).containsExactly("1|ann|6|null|null", "2|bea|1|null|null", "3|cy|1|null|null");
    }
  }

  @Test
  void shouldApplyTheConflictConditionToLiveRowsOnly() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      // when: the condition (visits < 5) is false for both ann (5) and bob (7)
      int onLive = members.renameIfNew(1, "al");
      int onDeleted = members.renameIfNew(2, "bea");

      // then: ann is left alone; bob's row, deleted, is no row to the statement: the insert happens
      assertThat(List.of(onLive, onDeleted)).containsExactly(0, 1);
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bea|1|null|null");
    }
  }

  @Test
  void shouldInsertBesideADeletedRowWhenThePartialUniqueIndexExcludesIt() throws SQLException {
    db.execute("CREATE TABLE accounts (id INT PRIMARY KEY, email TEXT NOT NULL, deleted_at TIMESTAMP NULL,"
            + " deleted_by TEXT NULL)",
        "CREATE UNIQUE INDEX accounts_live_email ON accounts (email) WHERE deleted_at IS NULL",
        "INSERT INTO accounts VALUES (1, 'a@x', '" + OLD_MARK + "', 'zed'), (2, 'b@x', NULL, NULL)");
    try (SqlSession session = sessions.open(Members.class, "accounts")) {
      Members members = session.getMapper(Members.class);

      int onDeletedEmail = members.signUp(3, "a@x");
      int onLiveEmail = members.signUp(4, "b@x");

      // then: the deleted row is outside the index, so the insert meets no row; the live one keeps its id
      assertThat(List.of(onDeletedEmail, onLiveEmail)).containsExactly(1, 1);
      assertThat(db.rows("SELECT id, email, deleted_at FROM accounts ORDER BY id"))
          .containsExactly("1|a@x|" + OLD_MARK, "2|b@x|null", "3|a@x|null");
    }
  }

  @Test
  void shouldRunOnConflictAsWrittenInsideIncludeDeleted() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      int onDeleted = IncludeDeleted.get(() -> members.addIfAbsent(2, "bea"));

      assertThat(onDeleted).isZero();
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bob|7|" + OLD_MARK + "|zed");
    }
  }

  @Test
  void shouldRefuseOnConflictDoNothingWithoutATarget() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      Throwable thrown = catchThrowable(() -> members.addIfAbsentAnyKey(2, "bea"));

      assertThat(thrown.getCause()).isInstanceOf(SoftDeleteException.class).hasMessage("softdelete: refused"
          + " statement '" + Members.class.getName() + ".addIfAbsentAnyKey' on table 'members': ON CONFLICT DO"
          + " NOTHING without a conflict target cannot revive a soft-deleted row whose key it meets (DO UPDATE"
          + " needs the target); name it: ON CONFLICT (key) DO NOTHING");
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bob|7|" + OLD_MARK + "|zed");
    }
  }
}
