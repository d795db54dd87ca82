package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.DeletedBy;
import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.Undelete;
import java.util.List;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cascades users -> documents -> attachments, through MyBatis on H2. User 1 (ann) owns documents 10 and 11
 * (live) and 12 (deleted before, with its attachment 103); attachment 101 of document 10 was deleted on its
 * own before.
 */
class CascadeTest {
  private final TestDatabase db = TestDatabase.create(LifecycleDatabase.SCHEMA);
  private final SqlSessionFactory factory =
      LifecycleDatabase.factory(db, LifecycleDatabase.auditAndCascades(), null);
  private SqlSession session;

  @AfterEach
  void close() {
    if (session != null) {
      session.close();
    }
    db.close();
  }

  private DocumentMapper open(boolean autoCommit) {
    session = factory.openSession(autoCommit);
    return session.getMapper(DocumentMapper.class);
  }

  private List<List<String>> markers(String table) {
    return LifecycleDatabase.rows(db, "SELECT id, deleted_at, deleted_by FROM " + table + " ORDER BY id");
  }

  private String markerOf(String table, long id) {
    return LifecycleDatabase.rows(db, "SELECT deleted_at FROM " + table + " WHERE id = " + id).get(0).get(0);
  }

  @Test
  void shouldMarkLiveChildrenAndGrandchildrenWithTheParentsValue() {
    DocumentMapper mapper = open(true);

    int count = DeletedBy.as("alice").because("account closed").get(() -> mapper.deleteUser(1));

    assertThat(count).isEqualTo(1);
    String marker = markerOf("users", 1);
    assertThat(marker).isNotNull();
    assertThat(markers("documents")).containsExactly(
        List.of("10", marker, "alice"), List.of("11", marker, "alice"),
        List.of("12", "2026-01-01 00:00:00", "carl"), java.util.Arrays.asList("20", null, null));
    assertThat(markers("attachments")).containsExactly(
        List.of("100", marker, "alice"), List.of("101", "2026-02-01 00:00:00", "ann"),
        List.of("102", marker, "alice"), List.of("103", "2026-01-01 00:00:00", "carl"),
        java.util.Arrays.asList("200", null, null));
    assertThat(mapper.documentIds()).containsExactly(20L);
    assertThat(mapper.attachmentIds()).containsExactly(200L);
  }

  @Test
  void shouldRestoreExactlyTheChildrenTheCascadeDeleted() {
    DocumentMapper mapper = open(true);
    mapper.deleteUser(1);

    int restored = Undelete.get(() -> mapper.deleteUser(1));

    assertThat(restored).isEqualTo(1);
    assertThat(mapper.userIds()).containsExactly(1L, 2L);
    // 12, 101 and 103 were deleted on their own before: they stay deleted
    assertThat(mapper.documentIds()).containsExactly(10L, 11L, 20L);
    assertThat(mapper.attachmentIds()).containsExactly(100L, 102L, 200L);
    assertThat(markers("documents").get(2)).containsExactly("12", "2026-01-01 00:00:00", "carl");
  }

  @Test
  void shouldNotRestoreAChildDeletedOnItsOwnBeforeItsParentWas() {
    DocumentMapper mapper = open(true);
    mapper.deleteById(11);
    mapper.deleteUser(1);

    Undelete.run(() -> mapper.deleteUser(1));

    assertThat(mapper.documentIds()).containsExactly(10L, 20L);
    assertThat(mapper.attachmentIds()).containsExactly(100L, 200L);
  }

  @Test
  void shouldAnswerTheDetectiveQueryOfTheLifecyclePage() {
    DocumentMapper mapper = open(true);
    DeletedBy.as("alice").because("account closed").run(() -> mapper.deleteUser(1));

    String detective = "SELECT a.deleted_by, a.delete_reason,"
        + " CASE WHEN d.deleted_at = a.deleted_at THEN d.id END AS deleted_with_document"
        + " FROM attachments a LEFT JOIN documents d ON d.id = a.document_id WHERE a.id = ";

    assertThat(LifecycleDatabase.rows(db, detective + 100)).containsExactly(List.of("alice", "account closed", "10"));
    assertThat(LifecycleDatabase.rows(db, detective + 101))
        .containsExactly(java.util.Arrays.asList("ann", "superseded", null));
  }

  @Test
  void shouldCascadeFromAMiddleTable() {
    DocumentMapper mapper = open(true);

    mapper.deleteById(10);

    assertThat(markerOf("attachments", 100)).isEqualTo(markerOf("documents", 10));
    assertThat(mapper.attachmentIds()).containsExactly(102L, 200L);
    assertThat(mapper.userIds()).containsExactly(1L, 2L);
  }

  @Test
  void shouldRollBackChildrenWithTheParentInOneTransaction() {
    DocumentMapper mapper = open(false);
    mapper.deleteUser(1);
    assertThat(mapper.attachmentIds()).containsExactly(200L);

    session.rollback(true);

    assertThat(mapper.documentIds()).containsExactly(10L, 11L, 20L);
    assertThat(mapper.attachmentIds()).containsExactly(100L, 102L, 200L);
  }

  @Test
  void shouldRunTheCascadeInTheCallersBatch() {
    session = factory.openSession(ExecutorType.BATCH, false);
    DocumentMapper mapper = session.getMapper(DocumentMapper.class);

    mapper.deleteUser(1);
    session.commit();

    assertThat(db.queryLong("SELECT COUNT(*) FROM documents WHERE deleted_at IS NULL")).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM attachments WHERE deleted_at IS NULL")).isEqualTo(1);
  }

  @Test
  void shouldRefuseACascadingDeleteItCannotApplyToTheChildren() {
    DocumentMapper mapper = open(true);

    Throwable thrown = catchThrowable(() -> mapper.deleteUserWithLimit(1));

    assertThat(thrown).isInstanceOf(PersistenceException.class).hasCauseInstanceOf(SoftDeleteException.class);
    assertThat(thrown.getCause()).hasMessage("softdelete: refused statement"
        + " 'io.github.softdelete.mybatis.e2e.DocumentMapper.deleteUserWithLimit' on table 'users': the table has"
        + " cascades, and a DELETE with ORDER BY or LIMIT cannot be applied to its children with certainty;"
        + " write it as DELETE FROM table WHERE ...");
    assertThat(mapper.userIds()).containsExactly(1L, 2L);
    assertThat(mapper.documentIds()).containsExactly(10L, 11L, 20L);
  }

  @Test
  void shouldRefuseAnUndoThatALiveRowBlocksAndLetTheTransactionRollBack() {
    DocumentMapper mapper = open(false);
    mapper.deleteUser(1);
    mapper.insert(13, 2, "notes");
    session.commit();

    Throwable thrown = catchThrowable(() -> Undelete.run(() -> mapper.deleteUser(1)));
    session.rollback(true);

    assertThat(thrown.getCause()).isInstanceOf(SoftDeleteException.class);
    SoftDeleteException refusal = (SoftDeleteException) thrown.getCause();
    assertThat(refusal.getStatementId()).isEqualTo(DocumentMapper.class.getName() + ".deleteUser");
    assertThat(refusal.getTable()).isEqualTo("documents");
    assertThat(refusal.getReason()).startsWith("the restore would give a row a unique key that a live row"
        + " already holds (constraint 'PUBLIC.UQ_DOCUMENTS_LIVE_TITLE')");
    // the attachments restored before the refusal were rolled back with it
    assertThat(mapper.attachmentIds()).containsExactly(200L);
    assertThat(mapper.userIds()).containsExactly(2L);
  }

  @Test
  void shouldHardDeleteOnlyTheParentInHardDelete() {
    DocumentMapper mapper = open(true);

    HardDelete.run(() -> mapper.deleteUser(2));

    assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE id = 2")).isZero();
    assertThat(mapper.documentIds()).containsExactly(10L, 11L, 20L);
  }
}
