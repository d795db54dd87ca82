package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.Undelete;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Restrict relations and restore guards through MyBatis on H2, on the lifecycle scenario: documents cascade
 * from users, attachments restrict documents. Document 10 has live attachment 100 (and 101, deleted on its
 * own), 11 has live 102, 12 (deleted) has deleted 103; user 2's document 20 has live 200.
 */
class IntegrityTest {
  private static final String PREFIX = "softdelete: refused statement '" + DocumentMapper.class.getName() + ".";
  private static final String RESTRICTED = "the restrict relation 'attachments.document_id->documents.id'"
      + " forbids to delete rows of documents that still have live rows in attachments; delete those rows of"
      + " attachments first";

  private final TestDatabase db = TestDatabase.create(LifecycleDatabase.SCHEMA);
  private final SqlSessionFactory factory = LifecycleDatabase.factory(db, restrictAndCascade(), null);
  private SqlSession session;

  static Properties restrictAndCascade() {
    Properties properties = new Properties();
    properties.setProperty("tables", "users,documents,attachments");
    properties.setProperty("cascade", "documents.user_id->users.id");
    properties.setProperty("restrict", "attachments.document_id->documents.id");
    return properties;
  }

  @AfterEach
  void close() {
    if (session != null) {
      session.close();
    }
    db.close();
  }

  private DocumentMapper open() {
    session = factory.openSession(true);
    return session.getMapper(DocumentMapper.class);
  }

  private long live(String table) {
    return db.queryLong("SELECT COUNT(*) FROM " + table + " WHERE deleted_at IS NULL");
  }

  private static SoftDeleteException refusal(Throwable thrown) {
    assertThat(thrown).isInstanceOf(PersistenceException.class).hasCauseInstanceOf(SoftDeleteException.class);
    return (SoftDeleteException) thrown.getCause();
  }

  @Test
  void shouldRefuseDeletingAParentWithLiveChildrenAndChangeNothing() {
    DocumentMapper mapper = open();

    SoftDeleteException refusal = refusal(catchThrowable(() -> mapper.deleteById(10)));

    assertThat(refusal).hasMessage(PREFIX + "deleteById' on table 'attachments': " + RESTRICTED);
    assertThat(refusal.getTable()).isEqualTo("attachments");
    assertThat(mapper.documentIds()).containsExactly(10L, 11L, 20L);
    assertThat(live("attachments")).isEqualTo(3);
  }

  @Test
  void shouldMarkAParentWhoseChildrenAreAllDeleted() {
    DocumentMapper mapper = open();
    assertThat(mapper.deleteAttachments(11, "%")).isEqualTo(1);

    int count = mapper.deleteById(11);

    assertThat(count).isEqualTo(1);
    assertThat(mapper.documentIds()).containsExactly(10L, 20L);
  }

  @Test
  void shouldRefuseACascadeThatWouldMarkParentsWithLiveChildren() {
    DocumentMapper mapper = open();

    SoftDeleteException refusal = refusal(catchThrowable(() -> mapper.deleteUser(1)));

    assertThat(refusal).hasMessage(PREFIX + "deleteUser' on table 'attachments': " + RESTRICTED);
    assertThat(mapper.userIds()).containsExactly(1L, 2L);
    assertThat(mapper.documentIds()).containsExactly(10L, 11L, 20L);
  }

  @Test
  void shouldCascadeOnceTheCascadedRowsHaveNoLiveChildren() {
    DocumentMapper mapper = open();
    mapper.deleteAttachments(20, "%");

    assertThat(mapper.deleteUser(2)).isEqualTo(1);

    assertThat(mapper.userIds()).containsExactly(1L);
    assertThat(mapper.documentIds()).containsExactly(10L, 11L);
  }

  @Test
  void shouldRefuseRestoringAChildWhoseParentIsDeleted() {
    DocumentMapper mapper = open();
    mapper.deleteAttachments(20, "%");
    mapper.deleteUser(2);

    SoftDeleteException refusal = refusal(catchThrowable(() -> Undelete.get(() -> mapper.deleteById(20))));

    assertThat(refusal).hasMessage(PREFIX + "deleteById' on table 'users': the restored rows of documents have a"
        + " deleted parent in users (relation 'documents.user_id->users.id'); restore the parent first, whose undo"
        + " restores the children its cascade deleted");
    assertThat(mapper.documentIds()).containsExactly(10L, 11L);
  }

  @Test
  void shouldRestoreParentAndChildrenTogetherThroughTheParentsUndo() {
    DocumentMapper mapper = open();
    mapper.deleteAttachments(20, "%");
    mapper.deleteUser(2);

    int restored = Undelete.get(() -> mapper.deleteUser(2));

    assertThat(restored).isEqualTo(1);
    assertThat(mapper.userIds()).containsExactly(1L, 2L);
    assertThat(mapper.documentIds()).containsExactly(10L, 11L, 20L);
    // the attachment was deleted on its own, before: it stays deleted, and can be restored now its parent lives
    assertThat(mapper.attachmentIds()).containsExactly(100L, 102L);
    assertThat(Undelete.get(() -> mapper.deleteAttachments(20, "%"))).isEqualTo(1);
    assertThat(mapper.attachmentIds()).containsExactly(100L, 102L, 200L);
  }

  @Test
  void shouldRefuseRestoringAnOrphanOfARestrictRelation() {
    DocumentMapper mapper = open();
    mapper.deleteAttachments(11, "%");
    mapper.deleteById(11);

    SoftDeleteException refusal = refusal(catchThrowable(() -> Undelete.get(() -> mapper.deleteAttachments(11, "%"))));

    assertThat(refusal).hasMessage(PREFIX + "deleteAttachments' on table 'documents': the restored rows of"
        + " attachments have a deleted parent in documents (relation 'attachments.document_id->documents.id');"
        + " restore the parent first");
    assertThat(mapper.attachmentIds()).containsExactly(100L, 200L);
    // a child whose parent lives is restored as before
    assertThat(Undelete.get(() -> mapper.deleteAttachments(10, "%"))).isEqualTo(1);
    assertThat(mapper.attachmentIds()).containsExactly(100L, 101L, 200L);
  }

  @Test
  void shouldRefuseErasingAParentWithLiveChildrenInHardDelete() {
    DocumentMapper mapper = open();

    SoftDeleteException refusal = refusal(catchThrowable(() -> HardDelete.get(() -> mapper.deleteById(10))));

    assertThat(refusal.getReason()).isEqualTo("the restrict relation 'attachments.document_id->documents.id'"
        + " forbids to erase rows of documents that still have live rows in attachments; delete those rows of"
        + " attachments first");
    assertThat(db.queryLong("SELECT COUNT(*) FROM documents WHERE id = 10")).isEqualTo(1);
    mapper.deleteAttachments(10, "%");
    assertThat(HardDelete.get(() -> mapper.deleteById(10))).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM documents WHERE id = 10")).isZero();
  }

  @Test
  void shouldStillCheckInsideIncludeDeleted() {
    DocumentMapper mapper = open();

    Throwable thrown = catchThrowable(() -> IncludeDeleted.get(() -> mapper.deleteById(10)));

    assertThat(refusal(thrown).getTable()).isEqualTo("attachments");
    assertThat(mapper.documentIds()).containsExactly(10L, 11L, 20L);
  }

  @Test
  void shouldSeeTheCallersEarlierStatementsInABatch() {
    session = factory.openSession(ExecutorType.BATCH, false);
    DocumentMapper mapper = session.getMapper(DocumentMapper.class);

    mapper.deleteAttachments(11, "%");
    mapper.deleteById(11);
    session.commit();

    assertThat(db.queryLong("SELECT COUNT(*) FROM documents WHERE id = 11 AND deleted_at IS NOT NULL")).isEqualTo(1);
    assertThat(live("attachments")).isEqualTo(2);
  }

  @Test
  void shouldRefuseInABatchBeforeTheParentIsMarked() {
    session = factory.openSession(ExecutorType.BATCH, false);
    DocumentMapper mapper = session.getMapper(DocumentMapper.class);

    Throwable thrown = catchThrowable(() -> mapper.deleteById(10));
    session.commit();

    assertThat(refusal(thrown).getTable()).isEqualTo("attachments");
    assertThat(live("documents")).isEqualTo(3);
    assertThat(List.of(live("attachments"))).containsExactly(3L);
  }
}
