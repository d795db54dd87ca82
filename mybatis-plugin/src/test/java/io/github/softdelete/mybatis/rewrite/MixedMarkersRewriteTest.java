package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.normalised;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.rewrite.Binding.Added;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each table its own marker: users {@code deleted_at} (timestamp), orders {@code is_deleted} (0/1), sys_user
 * {@code del_flag} ('0'/'2', who in {@code del_by}), documents {@code removed_at} (timestamp, a child of users),
 * notes with the engine's own marker ({@code gone_at}).
 */
class MixedMarkersRewriteTest {
  private static final SoftTables TABLES = tables();
  private static final SqlRewriter ENGINE = new SqlRewriter(TABLES, SoftDeleteMarker.of("gone_at", "NULL", "NOW()"));
  private static final SqlRewriter CASCADING = new SqlRewriter(TABLES,
      SoftDeleteMarker.of("gone_at", "NULL", "NOW()"), List.of(new Cascade("documents", "user_id", "users", "id")));

  private static SoftTables tables() {
    Map<String, SoftDeleteMarker> markers = new LinkedHashMap<>();
    markers.put("users", SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP"));
    markers.put("orders", SoftDeleteMarker.of("is_deleted", "0", "1"));
    markers.put("sys_user", SoftDeleteMarker.of("del_flag", "'0'", "'2'").withAuditColumns("del_by", null));
    markers.put("documents", SoftDeleteMarker.of("removed_at", "NULL", "CURRENT_TIMESTAMP")
        .withAuditColumns("removed_by", null));
    markers.put("notes", null);
    return SoftTables.withMarkers(markers);
  }

  private static void assertSql(String actual, String expected) {
    assertThat(normalised(actual)).isEqualTo(normalised(expected));
  }

  private static String rewrite(String sql, SoftDeleteMode mode) {
    return ENGINE.rewrite(sql, mode).sql();
  }

  @Test
  void shouldFilterEachTableOfAJoinByItsOwnMarker() {
    assertSql(rewrite("select u.id from users u join orders o on o.user_id = u.id"
        + " left join sys_user s on s.id = u.id", SoftDeleteMode.DEFAULT),
        "SELECT u.id FROM users u JOIN orders o ON (o.user_id = u.id) AND o.is_deleted = 0"
            + " LEFT JOIN sys_user s ON (s.id = u.id) AND s.del_flag = '0' WHERE u.deleted_at IS NULL");
  }

  @Test
  void shouldGiveATableWithoutMarkerOfItsOwnTheEnginesMarker() {
    assertSql(rewrite("select * from notes n, orders o where n.id = o.id", SoftDeleteMode.DEFAULT),
        "SELECT * FROM notes n, orders o WHERE (n.id = o.id) AND n.gone_at IS NULL AND o.is_deleted = 0");
  }

  @Test
  void shouldShowOnlyEachTablesDeletedRowsInOnlyDeleted() {
    assertSql(rewrite("select * from orders o join sys_user s on s.id = o.user_id", SoftDeleteMode.ONLY_DELETED),
        "SELECT * FROM orders o JOIN sys_user s ON (s.id = o.user_id) AND s.del_flag = '0'"
            + " WHERE o.is_deleted <> 0");
  }

  @Test
  void shouldMarkEachTableWithItsOwnDeletedValue() {
    assertSql(rewrite("delete from orders where id = ?", SoftDeleteMode.DEFAULT),
        "UPDATE orders SET is_deleted = 1 WHERE (id = ?) AND is_deleted = 0");
    assertSql(rewrite("delete from sys_user where id = ?", SoftDeleteMode.DEFAULT),
        "UPDATE sys_user SET del_flag = '2', del_by = ? WHERE (id = ?) AND del_flag = '0'");
    assertSql(rewrite("delete from users where id = ?", SoftDeleteMode.DEFAULT),
        "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NULL");
  }

  @Test
  void shouldWriteOnlyTheDeletedTablesAuditColumns() {
    RewriteResult result = ENGINE.rewrite("delete from sys_user where id = ?", SoftDeleteMode.DEFAULT);

    assertThat(result.bindings()).containsExactly(Binding.added(Added.DELETED_BY), Binding.original(0));
    assertThat(ENGINE.rewrite("delete from orders where id = ?", SoftDeleteMode.DEFAULT).bindings()).isNull();
  }

  @Test
  void shouldRestoreEachTableToItsOwnLiveValue() {
    assertSql(rewrite("delete from sys_user where id = ?", SoftDeleteMode.UNDELETE),
        "UPDATE sys_user SET del_flag = '0', del_by = NULL WHERE (id = ?) AND del_flag <> '0'");
    assertSql(rewrite("delete from orders where id = ?", SoftDeleteMode.UNDELETE),
        "UPDATE orders SET is_deleted = 0 WHERE (id = ?) AND is_deleted <> 0");
  }

  @Test
  void shouldLeaveEachTablesDeletedRowsAloneInAnUpdate() {
    assertSql(rewrite("update orders o join sys_user s on s.id = o.user_id set o.total = 0", SoftDeleteMode.DEFAULT),
        "UPDATE orders o JOIN sys_user s ON (s.id = o.user_id) AND s.del_flag = '0' SET o.total = 0"
            + " WHERE o.is_deleted = 0");
  }

  @Test
  void shouldMarkCascadedChildrenWithTheParentsTimestampInTheirOwnColumn() {
    RewriteResult result = CASCADING.rewrite("delete from users where id = ?", SoftDeleteMode.DEFAULT);

    assertSql(result.before().get(0).sql(), "UPDATE documents SET removed_at = ?, removed_by = ? WHERE"
        + " documents.user_id IN (SELECT users.id FROM users WHERE (id = ?) AND deleted_at IS NULL)"
        + " AND documents.removed_at IS NULL");
    assertSql(result.sql(), "UPDATE users SET deleted_at = ? WHERE (id = ?) AND deleted_at IS NULL");
  }

  @Test
  void shouldRestoreCascadedChildrenWhoseOwnColumnHoldsTheParentsTimestamp() {
    RewriteResult result = CASCADING.rewrite("delete from users where id = ?", SoftDeleteMode.UNDELETE);

    assertSql(result.before().get(0).sql(), "UPDATE documents SET removed_at = NULL, removed_by = NULL WHERE"
        + " (user_id, removed_at) IN (SELECT users.id, users.deleted_at FROM users"
        + " WHERE (id = ?) AND deleted_at IS NOT NULL)");
  }
}
