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
 * Who and why, undo, cascades: SQL in, SQL and parameter sources out. Soft tables: users, documents,
 * attachments, orders; attachments -> documents -> users.
 */
class LifecycleRewriteTest {
  private static final SoftTables TABLES = SoftTables.of(List.of("users", "documents", "attachments", "orders"));
  private static final SoftDeleteMarker MARKER = SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP")
      .withAuditColumns("deleted_by", "delete_reason");
  private static final List<Cascade> CASCADES = List.of(
      new Cascade("documents", "user_id", "users", "id"),
      new Cascade("attachments", "document_id", "documents", "id"));
  private static final SqlRewriter AUDITED = new SqlRewriter(TABLES, MARKER);
  private static final SqlRewriter CASCADING = new SqlRewriter(TABLES, MARKER, CASCADES);

  private static Binding p(int index) {
    return Binding.original(index);
  }

  private static Binding added(Added added) {
    return Binding.added(added);
  }

  private static void assertSql(String actual, String expected) {
    assertThat(normalised(actual)).isEqualTo(normalised(expected));
  }

  @Test
  void shouldWriteAuditColumnsAsParametersBeforeTheWhereParameters() {
    RewriteResult result = AUDITED.rewrite("delete from orders where user_id = ? and amount < ?",
        SoftDeleteMode.DEFAULT);

    assertSql(result.sql(), "UPDATE orders SET deleted_at = CURRENT_TIMESTAMP, deleted_by = ?, delete_reason = ?"
        + " WHERE (user_id = ? AND amount < ?) AND deleted_at IS NULL");
    assertThat(result.bindings())
        .containsExactly(added(Added.DELETED_BY), added(Added.DELETE_REASON), p(0), p(1));
    assertThat(result.before()).isEmpty();
    assertThat(result.table()).isEqualTo("orders");
  }

  @Test
  void shouldKeepParametersOfMultiTableJoinBeforeTheAuditParameters() {
    RewriteResult result = AUDITED.rewrite(
        "delete o from orders o join users u on u.id = o.user_id and u.name = ? where o.amount < ?",
        SoftDeleteMode.DEFAULT);

    assertSql(result.sql(), "UPDATE orders o JOIN users u ON (u.id = o.user_id AND u.name = ?)"
        + " AND u.deleted_at IS NULL SET o.deleted_at = CURRENT_TIMESTAMP, o.deleted_by = ?,"
        + " o.delete_reason = ? WHERE (o.amount < ?) AND o.deleted_at IS NULL");
    assertThat(result.bindings())
        .containsExactly(p(0), added(Added.DELETED_BY), added(Added.DELETE_REASON), p(1));
  }

  @Test
  void shouldNotCountQuestionMarksInsideStringsAsParameters() {
    RewriteResult result = AUDITED.rewrite("delete from orders where note = 'why?' and id = ?",
        SoftDeleteMode.DEFAULT);

    assertThat(result.bindings())
        .containsExactly(added(Added.DELETED_BY), added(Added.DELETE_REASON), p(0));
  }

  @Test
  void shouldLeaveBindingsAloneWithoutAuditColumns() {
    RewriteResult result = RewriteAssertions.ENGINE.rewrite("delete from orders where id = ?",
        SoftDeleteMode.DEFAULT);

    assertThat(result.bindings()).isNull();
  }

  @Test
  void shouldTurnDeleteIntoRestoreInUndelete() {
    RewriteResult result = AUDITED.rewrite("delete from orders where id = ?", SoftDeleteMode.UNDELETE);

    assertSql(result.sql(), "UPDATE orders SET deleted_at = NULL, deleted_by = NULL, delete_reason = NULL"
        + " WHERE (id = ?) AND deleted_at IS NOT NULL");
    assertThat(result.bindings()).isNull();
  }

  @Test
  void shouldRestoreToTheLiveValueWhenItIsNotNull() {
    SqlRewriter flags = new SqlRewriter(TABLES, SoftDeleteMarker.of("deleted", "0", "1"));

    RewriteResult result = flags.rewrite("delete from orders where id = ?", SoftDeleteMode.UNDELETE);

    assertSql(result.sql(), "UPDATE orders SET deleted = 0 WHERE (id = ?) AND deleted <> 0");
  }

  @Test
  void shouldFilterSelectsInUndeleteAsInDefaultMode() {
    RewriteResult result = AUDITED.rewrite("select id from orders", SoftDeleteMode.UNDELETE);

    assertSql(result.sql(), "SELECT id FROM orders WHERE orders.deleted_at IS NULL");
  }

  @Test
  void shouldLeaveUpdatesOfDeletedRowsAloneInUndelete() {
    RewriteResult result = AUDITED.rewrite("update orders set amount = ? where id = ?", SoftDeleteMode.UNDELETE);

    assertSql(result.sql(), "UPDATE orders SET amount = ? WHERE (id = ?) AND deleted_at IS NULL");
  }

  @Test
  void shouldRefuseTruncateInUndelete() {
    RewriteRefusedException refusal = catchThrowableOfType(RewriteRefusedException.class,
        () -> AUDITED.rewrite("truncate table orders", SoftDeleteMode.UNDELETE));

    assertThat(refusal.reason()).startsWith("TRUNCATE would erase every row");
  }

  @Test
  void shouldMarkGrandchildrenThenChildrenWithOneBoundMarkerValue() {
    RewriteResult result = CASCADING.rewrite("delete from users where name = ?", SoftDeleteMode.DEFAULT);

    assertThat(result.before()).extracting(PlannedStatement::table).containsExactly("attachments", "documents");
    assertSql(result.before().get(0).sql(), "UPDATE attachments SET deleted_at = ?, deleted_by = ?,"
        + " delete_reason = ? WHERE attachments.document_id IN (SELECT documents.id FROM documents WHERE"
        + " documents.user_id IN (SELECT users.id FROM users WHERE (name = ?) AND deleted_at IS NULL)"
        + " AND documents.deleted_at IS NULL) AND attachments.deleted_at IS NULL");
    assertSql(result.before().get(1).sql(), "UPDATE documents SET deleted_at = ?, deleted_by = ?,"
        + " delete_reason = ? WHERE documents.user_id IN (SELECT users.id FROM users WHERE (name = ?)"
        + " AND deleted_at IS NULL) AND documents.deleted_at IS NULL");
    assertSql(result.sql(), "UPDATE users SET deleted_at = ?, deleted_by = ?, delete_reason = ?"
        + " WHERE (name = ?) AND deleted_at IS NULL");
    List<Binding> expected = List.of(added(Added.MARKER), added(Added.DELETED_BY), added(Added.DELETE_REASON), p(0));
    assertThat(result.bindings()).isEqualTo(expected);
    assertThat(result.before()).allSatisfy(planned -> assertThat(planned.bindings()).isEqualTo(expected));
  }

  @Test
  void shouldUseTheParentAliasInTheChildrenSubquery() {
    RewriteResult result = CASCADING.rewrite("delete from documents d where d.id = ?", SoftDeleteMode.DEFAULT);

    assertSql(result.before().get(0).sql(), "UPDATE attachments SET deleted_at = ?, deleted_by = ?,"
        + " delete_reason = ? WHERE attachments.document_id IN (SELECT d.id FROM documents d WHERE"
        + " (d.id = ?) AND deleted_at IS NULL) AND attachments.deleted_at IS NULL");
  }

  @Test
  void shouldRestoreOnlyChildrenMarkedWithTheParentsValue() {
    RewriteResult result = CASCADING.rewrite("delete from users where id = ?", SoftDeleteMode.UNDELETE);

    assertSql(result.before().get(0).sql(), "UPDATE attachments SET deleted_at = NULL, deleted_by = NULL,"
        + " delete_reason = NULL WHERE (document_id, deleted_at) IN (SELECT documents.id,"
        + " documents.deleted_at FROM documents WHERE (user_id, deleted_at) IN"
        + " (SELECT users.id, users.deleted_at FROM users WHERE (id = ?) AND deleted_at IS NOT NULL))");
    assertSql(result.before().get(1).sql(), "UPDATE documents SET deleted_at = NULL, deleted_by = NULL,"
        + " delete_reason = NULL WHERE (user_id, deleted_at) IN (SELECT users.id,"
        + " users.deleted_at FROM users WHERE (id = ?) AND deleted_at IS NOT NULL)");
    assertSql(result.sql(), "UPDATE users SET deleted_at = NULL, deleted_by = NULL, delete_reason = NULL"
        + " WHERE (id = ?) AND deleted_at IS NOT NULL");
    assertThat(result.before()).allSatisfy(planned -> assertThat(planned.bindings()).containsExactly(p(0)));
  }

  @Test
  void shouldMarkEveryPathToADescendantReachedTwice() {
    SqlRewriter diamond = new SqlRewriter(TABLES, MARKER, List.of(
        new Cascade("documents", "user_id", "users", "id"),
        new Cascade("attachments", "document_id", "documents", "id"),
        new Cascade("attachments", "owner_id", "users", "id")));

    RewriteResult result = diamond.rewrite("delete from users where id = ?", SoftDeleteMode.DEFAULT);

    assertThat(result.before()).extracting(PlannedStatement::table)
        .containsExactly("attachments", "attachments", "documents");
    assertThat(result.before().get(1).sql()).contains("attachments.owner_id IN (SELECT users.id FROM users");
  }

  @Test
  void shouldNotCascadeFromAChildTable() {
    RewriteResult result = CASCADING.rewrite("delete from attachments where id = ?", SoftDeleteMode.DEFAULT);

    assertThat(result.before()).isEmpty();
    assertSql(result.sql(), "UPDATE attachments SET deleted_at = CURRENT_TIMESTAMP, deleted_by = ?,"
        + " delete_reason = ? WHERE (id = ?) AND deleted_at IS NULL");
  }

  @Test
  void shouldKeepHardDeleteOfAParentAsWritten() {
    RewriteResult result = CASCADING.rewrite("delete from users where id = ?", SoftDeleteMode.HARD_DELETE);

    assertThat(result.changed()).isFalse();
    assertThat(result.before()).isEmpty();
  }

  @Test
  void shouldRefuseCascadeOfDeleteWithLimit() {
    RewriteRefusedException refusal = catchThrowableOfType(RewriteRefusedException.class,
        () -> CASCADING.rewrite("delete from users where id > ? limit 10", SoftDeleteMode.DEFAULT));

    assertThat(refusal.table()).isEqualTo("users");
    assertThat(refusal.reason()).isEqualTo("the table has cascades, and a DELETE with ORDER BY or LIMIT cannot"
        + " be applied to its children with certainty; write it as DELETE FROM table WHERE ...");
  }

  @Test
  void shouldRefuseCascadeOfMultiTableDelete() {
    RewriteRefusedException refusal = catchThrowableOfType(RewriteRefusedException.class,
        () -> CASCADING.rewrite("delete u from users u join orders o on o.user_id = u.id where o.amount > ?",
            SoftDeleteMode.DEFAULT));

    assertThat(refusal.reason()).startsWith("the table has cascades, and a DELETE with joins or several tables");
  }

  @Test
  void shouldRefuseCascadeToATableWithoutMarker() {
    SqlRewriter engine = new SqlRewriter(SoftTables.of(List.of("users")), MARKER,
        List.of(new Cascade("documents", "user_id", "users", "id")));

    RewriteRefusedException refusal = catchThrowableOfType(RewriteRefusedException.class,
        () -> engine.rewrite("delete from users where id = ?", SoftDeleteMode.DEFAULT));

    assertThat(refusal.table()).isEqualTo("documents");
    assertThat(refusal.reason()).isEqualTo("the cascade 'documents.user_id->users.id' names a table without"
        + " the marker column 'deleted_at'; add the column or drop the cascade");
  }
}
