package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.DeletedBy;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.Undelete;
import java.util.List;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Undo: the application's own DELETE, run inside Undelete, restores what it had deleted. */
class UndeleteTest {
  private final TestDatabase db = TestDatabase.create(LifecycleDatabase.SCHEMA);
  private SqlSession session;
  private DocumentMapper documents;

  @BeforeEach
  void open() {
    session = LifecycleDatabase.factory(db, LifecycleDatabase.auditAndCascades(), null).openSession(true);
    documents = session.getMapper(DocumentMapper.class);
  }

  @AfterEach
  void close() {
    session.close();
    db.close();
  }

  @Test
  void shouldRestoreWithTheDeleteStatementItself() {
    DeletedBy.as("alice").because("mistake").run(() -> documents.deleteById(11));

    int restored = Undelete.get(() -> documents.deleteById(11));

    assertThat(restored).isEqualTo(1);
    assertThat(documents.documentIds()).containsExactly(10L, 11L, 20L);
    // who and why go with the deletion they described
    assertThat(LifecycleDatabase.rows(db, "SELECT deleted_at, deleted_by, delete_reason FROM documents WHERE id = 11"))
        .containsExactly(java.util.Arrays.asList(null, null, null));
  }

  @Test
  void shouldCountNothingWhenTheRowIsLive() {
    assertThat(Undelete.get(() -> documents.deleteById(10))).isZero();
    assertThat(documents.documentIds()).containsExactly(10L, 11L, 20L);
  }

  @Test
  void shouldRestoreARowDeletedBeforeThePluginKnewIt() {
    assertThat(Undelete.get(() -> documents.deleteById(12))).isEqualTo(1);
    assertThat(documents.documentIds()).containsExactly(10L, 11L, 12L, 20L);
  }

  @Test
  void shouldRestoreWithDynamicSqlAndForeach() {
    documents.deleteSome(1, List.of(10L, 11L), "none");

    int restored = Undelete.get(() -> documents.deleteSome(1, List.of(11L, 12L), "draft"));

    // 11 comes back; 12 is excluded by its title; 10 is not named
    assertThat(restored).isEqualTo(1);
    assertThat(documents.documentIds()).containsExactly(11L, 20L);
  }

  @Test
  void shouldHideDeletedRowsFromSelectsInsideUndelete() {
    assertThat(Undelete.get(() -> documents.documentIds())).containsExactly(10L, 11L, 20L);
  }

  @Test
  void shouldNameTheConstraintWhenALiveRowHoldsTheKey() {
    documents.deleteById(11);
    documents.insert(13, 2, "notes");

    Throwable thrown = catchThrowable(() -> Undelete.run(() -> documents.deleteById(11)));

    assertThat(thrown).isInstanceOf(PersistenceException.class).hasCauseInstanceOf(SoftDeleteException.class);
    SoftDeleteException refusal = (SoftDeleteException) thrown.getCause();
    assertThat(refusal.getStatementId()).isEqualTo(DocumentMapper.class.getName() + ".deleteById");
    assertThat(refusal.getTable()).isEqualTo("documents");
    assertThat(refusal.getMessage()).isEqualTo("softdelete: refused statement"
        + " 'io.github.softdelete.mybatis.e2e.DocumentMapper.deleteById' on table 'documents': the restore would"
        + " give a row a unique key that a live row already holds (constraint 'PUBLIC.UQ_DOCUMENTS_LIVE_TITLE');"
        + " change or delete the live row, then restore. The database said: Unique index or primary key"
        + " violation: \"PUBLIC.UQ_DOCUMENTS_LIVE_TITLE ON PUBLIC.DOCUMENTS(LIVE_TITLE NULLS FIRST) VALUES"
        + " ( /* 13 */ 'notes' )\"");
    assertThat(refusal.getCause()).isInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class);
    assertThat(documents.documentIds()).containsExactly(10L, 13L, 20L);
  }

  @Test
  void shouldLeaveTheScopeWhenTheBodyThrows() {
    documents.deleteById(11);

    catchThrowable(() -> Undelete.run(() -> {
      throw new IllegalStateException("boom");
    }));

    // outside the scope the same call deletes again: nothing live to mark
    assertThat(documents.deleteById(11)).isZero();
    assertThat(documents.documentIds()).containsExactly(10L, 20L);
  }
}
