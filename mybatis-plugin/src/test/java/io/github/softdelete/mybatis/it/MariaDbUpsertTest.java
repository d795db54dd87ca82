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
 * ON DUPLICATE KEY UPDATE on a soft table, through MyBatis on a real MariaDB: meeting a deleted row it
 * behaves as if the row did not exist (the row comes back live with the inserted values); meeting a live row,
 * as written. INSERT IGNORE is refused (REPLACE: MariaDbMyBatisTest).
 */
class MariaDbUpsertTest {
  private static final String DATABASE = "softdelete_it_upsert_maria";

  interface Members {
    @Insert("INSERT INTO members (id, name, visits) VALUES (#{id}, #{name}, 1)"
        + " ON DUPLICATE KEY UPDATE visits = visits + 1")
    int visit(@Param("id") int id, @Param("name") String name);

    @Insert("INSERT INTO members (id, name) VALUES (#{id}, #{name}) ON DUPLICATE KEY UPDATE id = id")
    int addIfAbsent(@Param("id") int id, @Param("name") String name);

    @Insert("INSERT IGNORE INTO members (id, name) VALUES (#{id}, #{name})")
    int addIgnoring(@Param("id") int id, @Param("name") String name);

    @Insert("INSERT INTO accounts (id, email) VALUES (#{id}, #{email}) ON DUPLICATE KEY UPDATE id = id")
    int signUp(@Param("id") int id, @Param("email") String email);

    @Select("SELECT name FROM members ORDER BY id")
    List<String> names();
  }

  private Jdbc db;
  private UpsertSessions sessions;

  @BeforeEach
  void createDatabase() throws SQLException {
    db = new Jdbc(Databases.mariaDb(), List.of());
    db.execute("DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE, "USE " + DATABASE,
        UpsertSessions.MEMBERS, UpsertSessions.MEMBER_ROWS);
    sessions = new UpsertSessions("org.mariadb.jdbc.Driver", Databases.mariaDbUrl(DATABASE), "root");
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (sessions != null) {
      sessions.close();
    }
    if (db != null) {
      db.execute("DROP DATABASE IF EXISTS " + DATABASE);
      db.close();
    }
  }

  private List<String> members() throws SQLException {
    return db.rows("SELECT id, name, visits, deleted_at, deleted_by FROM members ORDER BY id");
  }

  @Test
  void shouldReviveADeletedRowThatOnDuplicateKeyUpdateMeetsWithExactlyTheInsertedValues() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      // when: 1 is live, 2 deleted, 3 free
      int onLive = members.visit(1, "al");
      int onDeleted = members.visit(2, "bea");
      int onFree = members.visit(3, "cy");

      // then: the live row is updated as written; the deleted one holds exactly what was inserted, but
      // MariaDB counts the revive as an update (2), where a table without the deleted row would count 1
      assertThat(List.of(onLive, onDeleted, onFree)).containsExactly(2, 2, 1);
      assertThat(members()).containsExactly("1|ann|6|null|null", "2|bea|1|null|null", "3|cy|1|null|null");
      assertThat(members.names()).containsExactly("ann", "bea", "cy");
    }
  }

  @Test
  void shouldLeaveALiveRowUnchangedAndUncountedAsWrittenWhenTheUpdateChangesNothing() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, null)) {
      Members members = session.getMapper(Members.class);

      int onLive = members.addIfAbsent(1, "al");
      int onDeleted = members.addIfAbsent(2, "bea");

      // then: the live row found and unchanged counts 1 under Connector/J's default found-rows counting,
      // as the statement as written does; the deleted row is revived with the inserted name and, for visits,
      // which it does not name, the column's default, as a newly inserted row would have
      assertThat(List.of(onLive, onDeleted)).containsExactly(1, 2);
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bea|0|null|null");
    }
  }

  @Test
  void shouldInsertBesideADeletedRowWhenTheGeneratedLiveColumnExcludesIt() throws SQLException {
    db.execute("CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(40) NOT NULL, deleted_at DATETIME NULL,"
            + " deleted_by VARCHAR(40) NULL, alive TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL,"
            + " UNIQUE (email, alive))",
        "INSERT INTO accounts (id, email, deleted_at, deleted_by) VALUES (1, 'a@x', '" + OLD_MARK + "', 'zed'),"
            + " (2, 'b@x', NULL, NULL)");
    try (SqlSession session = sessions.open(Members.class, "accounts")) {
      Members members = session.getMapper(Members.class);

      int onDeletedEmail = members.signUp(3, "a@x");
      int onLiveEmail = members.signUp(4, "b@x");

      assertThat(List.of(onDeletedEmail, onLiveEmail)).containsExactly(1, 1);
      assertThat(db.rows("SELECT id, email, deleted_at FROM accounts ORDER BY id"))
          .containsExactly("1|a@x|" + OLD_MARK, "2|b@x|null", "3|a@x|null");
    }
  }

  @Test
  void shouldRefuseInsertIgnoreAndRunItAsWrittenInsideIncludeDeleted() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      Throwable thrown = catchThrowable(() -> members.addIgnoring(2, "bea"));
      int inside = IncludeDeleted.get(() -> members.addIgnoring(2, "bea"));

      assertThat(thrown.getCause()).isInstanceOf(SoftDeleteException.class);
      assertThat(((SoftDeleteException) thrown.getCause()).getReason())
          .startsWith("INSERT IGNORE would silently insert nothing where a soft-deleted row holds the key");
      assertThat(inside).isZero();
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bob|7|" + OLD_MARK + "|zed");
    }
  }
}
