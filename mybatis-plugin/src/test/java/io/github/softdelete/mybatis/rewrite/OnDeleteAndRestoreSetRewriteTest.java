package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.normalised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.rewrite.Binding.Added;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * onDeleteSet / onRestoreSet / restoreAudit: further columns in the UPDATE that marks a row and in the one that
 * restores it, for the statement's own table and for the children a cascade marks. Soft tables: users, documents.
 */
class OnDeleteAndRestoreSetRewriteTest {
  private static final SoftTables TABLES = SoftTables.of(List.of("users", "documents"));
  private static final SoftDeleteMarker MARKER = SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP")
      .withAuditColumns("deleted_by", "delete_reason")
      .withUpdates("updated_at = CURRENT_TIMESTAMP, version = version + 1", "restored_at = CURRENT_TIMESTAMP",
          false);
  private static final List<Cascade> CASCADES = List.of(new Cascade("documents", "user_id", "users", "id"));

  private static void assertSql(String actual, String expected) {
    assertThat(normalised(actual)).isEqualTo(normalised(expected));
  }

  @Test
  void shouldSetTheFurtherColumnsAfterTheAuditColumnsWithoutNewParameters() {
    RewriteResult result = new SqlRewriter(TABLES, MARKER).rewrite("delete from users where id = ?",
        SoftDeleteMode.DEFAULT);

    assertSql(result.sql(), "UPDATE users SET deleted_at = CURRENT_TIMESTAMP, deleted_by = ?, delete_reason = ?,"
        + " updated_at = CURRENT_TIMESTAMP, version = version + 1 WHERE (id = ?) AND deleted_at IS NULL");
    assertThat(result.bindings()).containsExactly(Binding.added(Added.DELETED_BY),
        Binding.added(Added.DELETE_REASON), Binding.original(0));
  }

  @Test
  void shouldSetTheRestoreColumnsInUndelete() {
    RewriteResult result = new SqlRewriter(TABLES, MARKER).rewrite("delete from users where id = ?",
        SoftDeleteMode.UNDELETE);

    assertSql(result.sql(), "UPDATE users SET deleted_at = NULL, deleted_by = NULL, delete_reason = NULL,"
        + " restored_at = CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NOT NULL");
  }

  @Test
  void shouldQualifyTheFurtherColumnsOfAMultiTableDelete() {
    RewriteResult result = new SqlRewriter(TABLES, MARKER).rewrite(
        "delete u from users u join documents d on d.user_id = u.id where d.title = ?", SoftDeleteMode.DEFAULT);

    assertThat(normalised(result.sql())).contains("SET u.deleted_at = CURRENT_TIMESTAMP, u.deleted_by = ?,"
        + " u.delete_reason = ?, u.updated_at = CURRENT_TIMESTAMP, u.version = version + 1");
  }

  @Test
  void shouldKeepWhoAndWhyOnARestoreWhenAsked() {
    SoftDeleteMarker keeping = SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP")
        .withAuditColumns("deleted_by", "delete_reason").withUpdates(null, null, true);

    RewriteResult restore = new SqlRewriter(TABLES, keeping).rewrite("delete from users where id = ?",
        SoftDeleteMode.UNDELETE);
    RewriteResult delete = new SqlRewriter(TABLES, keeping).rewrite("delete from users where id = ?",
        SoftDeleteMode.DEFAULT);

    assertSql(restore.sql(), "UPDATE users SET deleted_at = NULL WHERE (id = ?) AND deleted_at IS NOT NULL");
    assertSql(delete.sql(), "UPDATE users SET deleted_at = CURRENT_TIMESTAMP, deleted_by = ?, delete_reason = ?"
        + " WHERE (id = ?) AND deleted_at IS NULL");
  }

  @Test
  void shouldSetTheFurtherColumnsOfEachChildACascadeMarksOrRestores() {
    SqlRewriter cascading = new SqlRewriter(TABLES, MARKER, CASCADES);

    RewriteResult delete = cascading.rewrite("delete from users where id = ?", SoftDeleteMode.DEFAULT);
    RewriteResult restore = cascading.rewrite("delete from users where id = ?", SoftDeleteMode.UNDELETE);

    assertSql(delete.before().get(0).sql(), "UPDATE documents SET deleted_at = ?, deleted_by = ?,"
        + " delete_reason = ?, updated_at = CURRENT_TIMESTAMP, version = version + 1 WHERE documents.user_id IN"
        + " (SELECT users.id FROM users WHERE (id = ?) AND deleted_at IS NULL) AND documents.deleted_at IS NULL");
    assertThat(restore.before().get(0).sql()).startsWith("UPDATE documents SET deleted_at = NULL,"
        + " deleted_by = NULL, delete_reason = NULL, restored_at = CURRENT_TIMESTAMP WHERE");
  }

  @Test
  void shouldRefuseTextThatIsNotAssignments() {
    SoftDeleteMarker plain = SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP");

    assertThatThrownBy(() -> plain.withUpdates("updated_at", null, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a list of assignments");
  }
}
