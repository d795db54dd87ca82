package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.normalised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.rewrite.Binding.Added;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Restrict relations and restore guards: the check queries planned before a DELETE, SQL in, SQL out. Soft
 * tables users, documents, attachments, comments; documents cascade from users, attachments restrict documents,
 * comments restrict users.
 */
class IntegrityRewriteTest {
  private static final SoftTables TABLES = SoftTables.of(List.of("users", "documents", "attachments", "comments"));
  private static final SoftDeleteMarker MARKER = SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP");
  private static final Cascade DOCUMENTS_OF_USERS = new Cascade("documents", "user_id", "users", "id");
  private static final Cascade ATTACHMENTS_OF_DOCUMENTS = new Cascade("attachments", "document_id", "documents", "id");
  private static final Cascade COMMENTS_OF_USERS = new Cascade("comments", "author_id", "users", "id");
  private static final Cascade COMMENTS_CASCADE = new Cascade("comments", "user_id", "users", "id");
  private static final SqlRewriter RESTRICTING = new SqlRewriter(TABLES, MARKER, List.of())
      .withRestricts(List.of(ATTACHMENTS_OF_DOCUMENTS));
  private static final SqlRewriter MIXED = new SqlRewriter(TABLES, MARKER, List.of(DOCUMENTS_OF_USERS))
      .withRestricts(List.of(ATTACHMENTS_OF_DOCUMENTS, COMMENTS_OF_USERS));

  private static void assertSql(String actual, String expected) {
    assertThat(normalised(actual)).isEqualTo(normalised(expected));
  }

  @Test
  void shouldCheckForLiveChildrenOfTheRowsTheDeleteMarksBeforeMarkingThem() {
    RewriteResult result = RESTRICTING.rewrite("delete from documents where title = ?", SoftDeleteMode.DEFAULT);

    assertThat(result.before()).hasSize(1);
    PlannedStatement check = result.before().get(0);
    assertThat(check.isCheck()).isTrue();
    assertThat(check.table()).isEqualTo("attachments");
    assertSql(check.sql(), "SELECT 1 FROM attachments WHERE attachments.document_id IN (SELECT documents.id"
        + " FROM documents WHERE (title = ?) AND deleted_at IS NULL) AND attachments.deleted_at IS NULL");
    assertThat(check.bindings()).containsExactly(Binding.original(0));
    assertThat(check.refusal()).isEqualTo("the restrict relation 'attachments.document_id->documents.id'"
        + " forbids to delete rows of documents that still have live rows in attachments; delete those rows of"
        + " attachments first");
    assertSql(result.sql(), "UPDATE documents SET deleted_at = CURRENT_TIMESTAMP WHERE (title = ?)"
        + " AND deleted_at IS NULL");
  }

  @Test
  void shouldSelectTheParentsThroughTheAliasTheDeleteGivesThem() {
    RewriteResult result = RESTRICTING.rewrite("delete from documents d where d.id in (?, ?)",
        SoftDeleteMode.DEFAULT);

    assertSql(result.before().get(0).sql(), "SELECT 1 FROM attachments WHERE attachments.document_id IN"
        + " (SELECT d.id FROM documents d WHERE (d.id IN (?, ?)) AND deleted_at IS NULL)"
        + " AND attachments.deleted_at IS NULL");
    assertThat(result.before().get(0).bindings()).containsExactly(Binding.original(0), Binding.original(1));
  }

  @Test
  void shouldCheckTheRowsTheCascadesMarkBeforeTheCascadesRun() {
    RewriteResult result = MIXED.rewrite("delete from users where id = ?", SoftDeleteMode.DEFAULT);

    assertThat(result.before()).extracting(PlannedStatement::isCheck).containsExactly(true, true, false);
    assertThat(result.before()).extracting(PlannedStatement::table)
        .containsExactly("comments", "attachments", "documents");
    assertSql(result.before().get(0).sql(), "SELECT 1 FROM comments WHERE comments.author_id IN (SELECT users.id"
        + " FROM users WHERE (id = ?) AND deleted_at IS NULL) AND comments.deleted_at IS NULL");
    assertSql(result.before().get(1).sql(), "SELECT 1 FROM attachments WHERE attachments.document_id IN"
        + " (SELECT documents.id FROM documents WHERE documents.user_id IN (SELECT users.id FROM users WHERE"
        + " (id = ?) AND deleted_at IS NULL) AND documents.deleted_at IS NULL)"
        + " AND attachments.deleted_at IS NULL");
    // the marker value the cascade binds comes after the checks, which bind the DELETE's parameter only
    assertThat(result.before().get(0).bindings()).containsExactly(Binding.original(0));
    assertThat(result.before().get(2).bindings()).containsExactly(Binding.added(Added.MARKER), Binding.original(0));
  }

  @Test
  void shouldCheckAChildTableWithoutMarkerForAnyRow() {
    SqlRewriter engine = new SqlRewriter(SoftTables.of(List.of("documents")), MARKER, List.of())
        .withRestricts(List.of(ATTACHMENTS_OF_DOCUMENTS));

    RewriteResult result = engine.rewrite("delete from documents where id = ?", SoftDeleteMode.DEFAULT);

    assertSql(result.before().get(0).sql(), "SELECT 1 FROM attachments WHERE attachments.document_id IN"
        + " (SELECT documents.id FROM documents WHERE (id = ?) AND deleted_at IS NULL)");
  }

  @Test
  void shouldCheckEvenWhenIncludeDeletedShowsDeletedRows() {
    RewriteResult result = RESTRICTING.rewrite("delete from documents where id = ?",
        SoftDeleteMode.INCLUDE_DELETED);

    assertThat(result.before()).singleElement().satisfies(check -> assertThat(check.isCheck()).isTrue());
  }

  @Test
  void shouldCheckTheRowsAHardDeleteErasesAndKeepItAsWritten() {
    String sql = "delete from documents where title = ?";

    RewriteResult result = RESTRICTING.rewrite(sql, SoftDeleteMode.HARD_DELETE);

    assertThat(result.sql()).isEqualTo(sql);
    assertThat(result.table()).isEqualTo("documents");
    assertSql(result.before().get(0).sql(), "SELECT 1 FROM attachments WHERE attachments.document_id IN"
        + " (SELECT documents.id FROM documents WHERE title = ?) AND attachments.deleted_at IS NULL");
    assertThat(result.before().get(0).refusal()).isEqualTo("the restrict relation"
        + " 'attachments.document_id->documents.id' forbids to erase rows of documents that still have live rows"
        + " in attachments; delete those rows of attachments first");
  }

  @Test
  void shouldCheckEveryRowAHardDeleteWithoutWhereErases() {
    RewriteResult result = RESTRICTING.rewrite("delete from documents", SoftDeleteMode.HARD_DELETE);

    assertSql(result.before().get(0).sql(), "SELECT 1 FROM attachments WHERE attachments.document_id IN"
        + " (SELECT documents.id FROM documents) AND attachments.deleted_at IS NULL");
  }

  @Test
  void shouldPlanNothingForADeleteOfAChildOrOfAnUnrelatedTable() {
    assertThat(RESTRICTING.rewrite("delete from attachments where id = ?", SoftDeleteMode.DEFAULT).before())
        .isEmpty();
    assertThat(RESTRICTING.rewrite("delete from users where id = ?", SoftDeleteMode.DEFAULT).before()).isEmpty();
  }

  @Test
  void shouldRefuseARestrictedDeleteWhoseRowsTheWhereAloneDoesNotSelect() {
    RewriteRefusedException limit = catchThrowableOfType(RewriteRefusedException.class,
        () -> RESTRICTING.rewrite("delete from documents where id > ? limit 10", SoftDeleteMode.DEFAULT));
    RewriteRefusedException join = catchThrowableOfType(RewriteRefusedException.class,
        () -> RESTRICTING.rewrite("delete d from documents d join users u on u.id = d.user_id where u.name = ?",
            SoftDeleteMode.HARD_DELETE));

    assertThat(limit.table()).isEqualTo("documents");
    assertThat(limit.reason()).isEqualTo("the table has restrict relations, and a DELETE with ORDER BY or LIMIT"
        + " cannot be checked against them with certainty; write it as DELETE FROM table WHERE ...");
    assertThat(join.reason()).startsWith("the table has restrict relations, and a DELETE with joins or several"
        + " tables");
  }

  @Test
  void shouldRefuseWhenTheCascadeMarksTheRestrictedChildrenToo() {
    // users cascade to documents and comments; documents restrict comments
    RewriteRefusedException both = catchThrowableOfType(RewriteRefusedException.class,
        () -> new SqlRewriter(TABLES, MARKER, List.of(DOCUMENTS_OF_USERS, COMMENTS_CASCADE))
            .withRestricts(List.of(new Cascade("documents", "comment_id", "comments", "id")))
            .rewrite("delete from users where id = ?", SoftDeleteMode.DEFAULT));

    assertThat(both.table()).isEqualTo("users");
    assertThat(both.reason()).isEqualTo("the restrict relation 'documents.comment_id->comments.id' has its"
        + " children in table 'documents', which this DELETE's cascades mark as well, so whether live children"
        + " would remain cannot be checked before it runs; delete the rows of documents first, or declare the"
        + " relation differently");
  }

  @Test
  void shouldRefuseARestoreOfChildrenWhoseParentIsDeleted() {
    RewriteResult result = MIXED.rewrite("delete from documents where id = ?", SoftDeleteMode.UNDELETE);

    assertThat(result.before()).singleElement().satisfies(check -> {
      assertThat(check.table()).isEqualTo("users");
      assertSql(check.sql(), "SELECT 1 FROM documents WHERE (id = ?) AND deleted_at IS NOT NULL"
          + " AND documents.user_id IN (SELECT users.id FROM users WHERE users.deleted_at IS NOT NULL)");
      assertThat(check.refusal()).isEqualTo("the restored rows of documents have a deleted parent in users"
          + " (relation 'documents.user_id->users.id'); restore the parent first, whose undo restores the children"
          + " its cascade deleted");
      assertThat(check.bindings()).containsExactly(Binding.original(0));
    });
    assertSql(result.sql(), "UPDATE documents SET deleted_at = NULL WHERE (id = ?) AND deleted_at IS NOT NULL");
  }

  @Test
  void shouldGuardARestoreByEveryRelationOfItsTableAndUseItsAlias() {
    RewriteResult result = MIXED.rewrite("delete from attachments a where a.id = ?", SoftDeleteMode.UNDELETE);

    assertThat(result.before()).singleElement().satisfies(check -> {
      assertThat(check.table()).isEqualTo("documents");
      assertSql(check.sql(), "SELECT 1 FROM attachments a WHERE (a.id = ?) AND deleted_at IS NOT NULL"
          + " AND a.document_id IN (SELECT documents.id FROM documents WHERE documents.deleted_at IS NOT NULL)");
      assertThat(check.refusal()).isEqualTo("the restored rows of attachments have a deleted parent in documents"
          + " (relation 'attachments.document_id->documents.id'); restore the parent first");
    });
  }

  @Test
  void shouldNotGuardTheChildrenAParentsUndoRestores() {
    RewriteResult result = MIXED.rewrite("delete from users where id = ?", SoftDeleteMode.UNDELETE);

    assertThat(result.before()).extracting(PlannedStatement::isCheck).containsExactly(false);
  }

  @Test
  void shouldRefuseARestoreItCannotGuardWithCertainty() {
    RewriteRefusedException refusal = catchThrowableOfType(RewriteRefusedException.class,
        () -> MIXED.rewrite("delete from documents where id > ? limit 1", SoftDeleteMode.UNDELETE));

    assertThat(refusal.reason()).isEqualTo("the table has restore guards (its declared parents), and a DELETE"
        + " with ORDER BY or LIMIT cannot be checked against them with certainty; write it as DELETE FROM table"
        + " WHERE ...");
  }

  @Test
  void shouldRefuseAMergeThatDeletesRowsOfARestrictParent() {
    SqlRewriter engine = RESTRICTING.withDialect(Dialect.H2);

    RewriteRefusedException refusal = catchThrowableOfType(RewriteRefusedException.class,
        () -> engine.rewrite("MERGE INTO documents d USING (SELECT ? AS id) s ON d.id = s.id"
            + " WHEN MATCHED THEN DELETE", SoftDeleteMode.DEFAULT));

    assertThat(refusal.reason()).isEqualTo("the table has restrict relations, which a MERGE's WHEN MATCHED THEN"
        + " DELETE cannot check first; delete with DELETE FROM ... WHERE ...");
  }
}
