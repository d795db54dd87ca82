package io.github.softdelete.mybatis.it;

import static io.github.softdelete.mybatis.it.UpsertSessions.OLD_MARK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.DeletedBy;
import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/**
 * The SQL-standard MERGE on a soft table through MyBatis on a real database: meeting a deleted row it behaves as
 * if the row did not exist (a WHEN NOT MATCHED INSERT brings it back live with the inserted values, counted as
 * the insert; WHEN MATCHED passes it by); meeting a live row, as written; WHEN MATCHED THEN DELETE marks. A
 * subclass per database makes the tables before each test ({@link UpsertSessions#MEMBERS}: ann 1 live with 5
 * visits, bob 2 deleted by zed with 7, key 3 free; applicants: 2 bea live, 3 cy deleted) and drops them after.
 */
abstract class MergeScenarios {
  static final String APPLICANTS = "CREATE TABLE applicants (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
      + " deleted_at TIMESTAMP NULL)";
  static final String APPLICANT_ROWS = "INSERT INTO applicants VALUES (2, 'bea', NULL), (3, 'cy', '" + OLD_MARK
      + "')";

  /** The source every statement merges: one row, typed (H2 will not guess a bare parameter's type). */
  private static final String ONE = "(SELECT CAST(#{id} AS INT) AS id, CAST(#{name} AS VARCHAR(40)) AS name) s";

  interface Members {
    @Update("MERGE INTO members m USING " + ONE + " ON m.id = s.id"
        + " WHEN MATCHED THEN UPDATE SET visits = m.visits + 1"
        + " WHEN NOT MATCHED THEN INSERT (id, name, visits) VALUES (s.id, s.name, 1)")
    int visit(@Param("id") int id, @Param("name") String name);

    // the inserted name a parameter of its own, which the revive writes again; visits left to its default
    @Update("MERGE INTO members m USING " + ONE + " ON m.id = s.id"
        + " WHEN NOT MATCHED AND s.name <> 'nobody' THEN INSERT (id, name) VALUES (s.id, #{name})")
    int addUnlessNobody(@Param("id") int id, @Param("name") String name);

    // an ON that says more than the key: bob's 7 visits fail it
    @Update("MERGE INTO members m USING " + ONE + " ON m.id = s.id AND m.visits < 5"
        + " WHEN MATCHED THEN UPDATE SET name = s.name"
        + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)")
    int renameIfFewVisits(@Param("id") int id, @Param("name") String name);

    @Update("MERGE INTO members m USING " + ONE + " ON m.id = s.id WHEN MATCHED THEN DELETE")
    int remove(@Param("id") int id, @Param("name") String name);

    // the application's own revive: it clears the marker itself
    @Update("MERGE INTO members m USING " + ONE + " ON m.id = s.id"
        + " WHEN MATCHED THEN UPDATE SET name = s.name, deleted_at = NULL")
    int restoreAs(@Param("id") int id, @Param("name") String name);

    @Update("MERGE INTO members m USING applicants a ON m.id = a.id"
        + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (a.id, a.name)")
    int admitApplicants();

    @Update("MERGE INTO members m USING " + ONE + " ON m.name = s.name"
        + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)")
    int addByName(@Param("id") int id, @Param("name") String name);

    @Select("SELECT name FROM members ORDER BY id")
    List<String> names();
  }

  Jdbc db;
  UpsertSessions sessions;

  private List<String> members() throws SQLException {
    return db.rows("SELECT id, name, visits, deleted_at, deleted_by FROM members ORDER BY id");
  }

  /** A timestamp as the database prints it, for a row marked during the test. */
  private static boolean marked(String row, String prefix) {
    return row.startsWith(prefix) && !row.endsWith("|null|null") && !row.contains(OLD_MARK);
  }

  @Test
  void shouldReviveADeletedRowThatAWhenNotMatchedInsertMeetsAndUpdateALiveOneAsWritten() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      // when: 1 is live, 2 deleted, 3 free
      List<Integer> counts = List.of(members.visit(1, "al"), members.visit(2, "bea"), members.visit(3, "cy"));

      // then: ann's visit counted; bob's row, deleted, is no row to the MERGE: it is inserted anew as bea
      assertThat(counts).containsExactly(1, 1, 1);
      assertThat(members()).containsExactly("1|ann|6|null|null", "2|bea|1|null|null", "3|cy|1|null|null");
      assertThat(members.names()).containsExactly("ann", "bea", "cy");
    }
  }

  @Test
  void shouldGiveARevivedRowTheDefaultsOfWhatItsInsertLeavesOutAndBindItsParametersAgain() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, null)) {
      Members members = session.getMapper(Members.class);

      int onDeleted = members.addUnlessNobody(2, "bea");
      int onLive = members.addUnlessNobody(1, "al");

      // then: bob's 7 visits are gone with him, the new bea has the default 0, as a new row would
      assertThat(List.of(onDeleted, onLive)).containsExactly(1, 0);
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bea|0|null|null");
    }
  }

  @Test
  void shouldLeaveADeletedRowAloneWhereTheInsertsConditionIsFalse() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      int onDeleted = members.addUnlessNobody(2, "nobody");

      assertThat(onDeleted).isZero();
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bob|7|" + OLD_MARK + "|zed");
    }
  }

  @Test
  void shouldReviveTheDeletedRowWhoseKeyTheInsertMeetsWhateverTheRestOfTheOnSays() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      // when: as written, bob's row fails the ON, and the INSERT would fail on his key
      int onDeleted = members.renameIfFewVisits(2, "bea");
      int onFree = members.renameIfFewVisits(3, "cy");

      assertThat(List.of(onDeleted, onFree)).containsExactly(1, 1);
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bea|0|null|null", "3|cy|0|null|null");
    }
  }

  @Test
  void shouldMarkTheLiveRowAWhenMatchedDeleteMeetsAndPassADeletedOneBy() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      int onLive = DeletedBy.as("alice").get(() -> members.remove(1, null));
      int onDeleted = DeletedBy.as("alice").get(() -> members.remove(2, null));

      // then: ann marked by alice, bob keeps his own mark: counted as a DELETE statement counts
      assertThat(List.of(onLive, onDeleted)).containsExactly(1, 0);
      List<String> rows = members();
      assertThat(rows).hasSize(2);
      assertThat(marked(rows.get(0), "1|ann|5|")).as(rows.get(0)).isTrue();
      assertThat(rows.get(0)).endsWith("|alice");
      assertThat(rows.get(1)).isEqualTo("2|bob|7|" + OLD_MARK + "|zed");
    }
  }

  @Test
  void shouldEraseTheLiveRowAWhenMatchedDeleteMeetsInsideHardDelete() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      int onLive = HardDelete.get(() -> members.remove(1, null));
      int onDeleted = HardDelete.get(() -> members.remove(2, null));

      assertThat(List.of(onLive, onDeleted)).containsExactly(1, 0);
      assertThat(members()).containsExactly("2|bob|7|" + OLD_MARK + "|zed");
    }
  }

  @Test
  void shouldRunTheMergeAsWrittenInsideIncludeDeleted() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      int onDeleted = IncludeDeleted.get(() -> members.visit(2, "bea"));

      // then: the deleted row is updated as written, and stays deleted
      assertThat(onDeleted).isEqualTo(1);
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bob|8|" + OLD_MARK + "|zed");
    }
  }

  @Test
  void shouldLeaveTheApplicationsOwnReviveAsWritten() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      int onDeleted = members.restoreAs(2, "bob again");

      // then: exactly what the application wrote: the marker cleared, its other columns as they were
      assertThat(onDeleted).isEqualTo(1);
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bob again|7|null|zed");
    }
  }

  @Test
  void shouldMergeOnlyTheLiveRowsOfASoftSource() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, null)) {
      Members members = session.getMapper(Members.class);

      int admitted = members.admitApplicants();

      // then: bea (live) revives member 2; cy, a deleted applicant, is no row of the source
      assertThat(admitted).isEqualTo(1);
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bea|0|null|null");
    }
  }

  @Test
  void shouldRefuseAnInsertingMergeThatDoesNotMatchOnThePrimaryKey() throws SQLException {
    try (SqlSession session = sessions.open(Members.class, "members")) {
      Members members = session.getMapper(Members.class);

      Throwable thrown = catchThrowable(() -> members.addByName(3, "bob"));

      assertThat(thrown.getCause()).isInstanceOf(SoftDeleteException.class).hasMessage("softdelete: refused"
          + " statement '" + Members.class.getName() + ".addByName' on table 'members': a MERGE with WHEN NOT"
          + " MATCHED can meet a soft-deleted row, which softdelete revives exactly only when the ON matches every"
          + " primary key column (" + keyColumn() + ") to a value of the source alone, qualified, without"
          + " parameters (ON m." + keyColumn() + " = s." + keyColumn() + "); match on the key, or test the marker"
          + " in ON yourself (AND m.deleted_at IS NULL), which leaves the MERGE as written");
      assertThat(members()).containsExactly("1|ann|5|null|null", "2|bob|7|" + OLD_MARK + "|zed");
    }
  }

  /** The primary key column as the database reports it. */
  abstract String keyColumn();
}
