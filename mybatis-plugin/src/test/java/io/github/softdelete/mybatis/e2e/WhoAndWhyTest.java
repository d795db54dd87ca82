package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.DeletedBy;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.SoftDeleteScope;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who deleted and why: written in the marking UPDATE, as bound parameters, through MyBatis on H2. */
class WhoAndWhyTest {
  private final TestDatabase db = TestDatabase.create(LifecycleDatabase.SCHEMA);
  private SqlSession session;

  @AfterEach
  void close() {
    if (session != null) {
      session.close();
    }
    db.close();
  }

  private DocumentMapper documents(Properties properties, io.github.softdelete.mybatis.DeletedBySupplier supplier) {
    SqlSessionFactory factory = LifecycleDatabase.factory(db, properties, supplier);
    session = factory.openSession(true);
    return session.getMapper(DocumentMapper.class);
  }

  private DocumentMapper documents() {
    return documents(LifecycleDatabase.auditAndCascades(), null);
  }

  private List<String> whoAndWhy(long documentId) {
    return LifecycleDatabase.rows(db,
        "SELECT deleted_by, delete_reason FROM documents WHERE id = " + documentId).get(0);
  }

  @Test
  void shouldRecordWhoAndWhyInTheSameUpdate() {
    DocumentMapper documents = documents();

    int count = DeletedBy.as("alice").because("customer request").get(() -> documents.deleteById(11));

    assertThat(count).isEqualTo(1);
    assertThat(whoAndWhy(11)).containsExactly("alice", "customer request");
    assertThat(db.queryLong("SELECT COUNT(*) FROM documents WHERE id = 11 AND deleted_at IS NOT NULL"))
        .isEqualTo(1);
  }

  @Test
  void shouldKeepTheApplicationsParametersInOrderAroundTheAddedOnes() {
    DocumentMapper documents = documents();

    // user 1's documents 10, 11 and 12 (12 already deleted) and user 2's 20, keeping 'plan'
    int count = DeletedBy.as("alice").because("tidy up")
        .get(() -> documents.deleteSome(1, List.of(10L, 11L, 12L, 20L), "plan"));

    assertThat(count).isEqualTo(1);
    assertThat(documents.documentIds()).containsExactly(10L, 20L);
    assertThat(whoAndWhy(11)).containsExactly("alice", "tidy up");
    // the row deleted before keeps its own story
    assertThat(whoAndWhy(12)).containsExactly("carl", "obsolete");
  }

  @Test
  void shouldRecordWhoAndWhyOfTheSubmitterOnAnotherThread() throws Exception {
    DocumentMapper documents = documents();
    ExecutorService pool = SoftDeleteScope.propagating(Executors.newSingleThreadExecutor());
    try {
      // the session is opened here, used there: MyBatis sessions are not thread-safe, but one at a time is fine
      int count = DeletedBy.as("alice").because("from a worker")
          .get(() -> pool.submit(() -> documents.deleteById(11))).get(10, TimeUnit.SECONDS);
      int plain = pool.submit(() -> documents.deleteById(20)).get(10, TimeUnit.SECONDS);

      assertThat(count).isEqualTo(1);
      assertThat(whoAndWhy(11)).containsExactly("alice", "from a worker");
      // a task submitted outside any DeletedBy scope writes no one, though the thread ran alice's before
      assertThat(plain).isEqualTo(1);
      assertThat(whoAndWhy(20)).containsExactly(null, null);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldRecordWhoAndWhyOnATableWithoutCascades() {
    DocumentMapper documents = documents();

    int count = DeletedBy.as("bob").because("virus").get(() -> documents.deleteAttachments(10, "plan%"));

    assertThat(count).isEqualTo(1);
    assertThat(LifecycleDatabase.rows(db, "SELECT id, deleted_by, delete_reason FROM attachments"
        + " WHERE document_id = 10 ORDER BY id"))
        .containsExactly(List.of("100", "bob", "virus"), List.of("101", "ann", "superseded"));
  }

  @Test
  void shouldRefuseADeleteRunAsAQueryWhenItWouldNeedAuditValues() {
    DocumentMapper documents = documents();

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> documents.deleteAttachmentReturning(100));

    assertThat(thrown).hasRootCauseInstanceOf(io.github.softdelete.mybatis.SoftDeleteException.class)
        .hasRootCauseMessage("softdelete: refused statement '" + DocumentMapper.class.getName()
            + ".deleteAttachmentReturning' on table 'attachments': a DELETE run as a query (RETURNING in a <select>) cannot"
            + " carry audit values, cascades or integrity checks; map it as <update>, or drop RETURNING");
    assertThat(db.queryLong("SELECT COUNT(*) FROM attachments WHERE id = 100 AND deleted_at IS NULL")).isEqualTo(1);
  }

  @Test
  void shouldWriteNullWhenNobodyIsKnown() {
    DocumentMapper documents = documents();

    documents.deleteById(11);

    assertThat(whoAndWhy(11)).containsExactly(null, null);
  }

  @Test
  void shouldAskTheSupplierWhenNoScopeNamesTheUser() {
    DocumentMapper documents = documents(LifecycleDatabase.auditAndCascades(), () -> "from-security-context");

    DeletedBy.as(null).because("nightly cleanup").run(() -> documents.deleteById(10));
    documents.deleteById(11);
    DeletedBy.as("alice").run(() -> documents.deleteById(20));

    assertThat(whoAndWhy(10)).containsExactly("from-security-context", "nightly cleanup");
    assertThat(whoAndWhy(11)).containsExactly("from-security-context", null);
    assertThat(whoAndWhy(20)).containsExactly("alice", null);
  }

  @Test
  void shouldInstantiateTheSupplierNamedInTheProperties() {
    Properties properties = LifecycleDatabase.auditAndCascades();
    properties.setProperty("deletedBySupplier", io.github.softdelete.mybatis.FixedUser.class.getName());
    DocumentMapper documents = documents(properties, null);

    documents.deleteById(11);

    assertThat(whoAndWhy(11)).containsExactly("system", null);
  }

  @Test
  void shouldPreferTheSupplierSetInCodeOverTheProperty() {
    Properties properties = LifecycleDatabase.auditAndCascades();
    properties.setProperty("deletedBySupplier", io.github.softdelete.mybatis.FixedUser.class.getName());
    SoftDeleteInterceptor interceptor = new SoftDeleteInterceptor();
    interceptor.setProperties(properties);
    interceptor.setDeletedBySupplier(() -> "in-code");
    SqlSessionFactory factory = db.factory(interceptor);
    factory.getConfiguration().addMapper(DocumentMapper.class);
    session = factory.openSession(true);

    session.getMapper(DocumentMapper.class).deleteById(11);

    assertThat(whoAndWhy(11)).containsExactly("in-code", null);
  }

  @Test
  void shouldNestScopesAndRestoreTheOuterOne() {
    DocumentMapper documents = documents();

    DeletedBy.as("alice").because("audit").run(() -> {
      DeletedBy.as("bob").run(() -> documents.deleteById(10));
      documents.deleteById(11);
    });
    documents.deleteById(20);

    // the inner scope names the user and keeps the outer reason
    assertThat(whoAndWhy(10)).containsExactly("bob", "audit");
    assertThat(whoAndWhy(11)).containsExactly("alice", "audit");
    assertThat(whoAndWhy(20)).containsExactly(null, null);
  }

  @Test
  void shouldRestoreTheOuterScopeWhenTheBodyThrows() {
    DocumentMapper documents = documents();

    assertThatThrownBy(() -> DeletedBy.as("alice").run(() -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    documents.deleteById(11);

    assertThat(whoAndWhy(11)).containsExactly(null, null);
  }

  @Test
  void shouldNotLendTheScopeToAnotherThread() throws Exception {
    SqlSessionFactory factory = LifecycleDatabase.factory(db, LifecycleDatabase.auditAndCascades(), null);
    session = factory.openSession(true);
    DocumentMapper documents = session.getMapper(DocumentMapper.class);
    java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      DeletedBy.as("alice").because("mine").run(() -> {
        documents.deleteById(10);
        try (SqlSession otherSession = factory.openSession(true)) {
          other.submit(() -> otherSession.getMapper(DocumentMapper.class).deleteById(11)).get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    } finally {
      other.shutdown();
    }

    assertThat(whoAndWhy(10)).containsExactly("alice", "mine");
    assertThat(whoAndWhy(11)).containsExactly(null, null);
  }

  @Test
  void shouldAnswerTheDetectiveQuery() {
    DocumentMapper documents = documents();
    DeletedBy.as("alice").because("customer request").run(() -> documents.deleteById(11));

    Map<String, Object> row = IncludeDeleted.get(() -> documents.whenWhoWhy(11));

    assertThat(row).containsEntry("DELETED_BY", "alice").containsEntry("DELETE_REASON", "customer request");
    assertThat(row.get("DELETED_AT")).isNotNull();
    // outside the scope the row does not exist
    assertThat(documents.whenWhoWhy(11)).isNull();
  }
}
