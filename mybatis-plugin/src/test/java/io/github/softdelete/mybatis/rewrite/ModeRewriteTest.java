package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertRewrite;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertUnchanged;

import io.github.softdelete.mybatis.SoftDeleteMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What each scope makes of the same statements. */
class ModeRewriteTest {

  @Nested
  class IncludeDeleted {
    @Test
    void shouldNotFilterSelect() {
      assertUnchanged(SoftDeleteMode.INCLUDE_DELETED, "select * from users u join orders o on o.user_id = u.id");
    }

    @Test
    void shouldLetUpdateRestoreDeletedRow() {
      assertUnchanged(SoftDeleteMode.INCLUDE_DELETED, "update users set deleted_at = null where id = ?");
    }

    @Test
    void shouldStillConvertDelete() {
      assertRewrite(SoftDeleteMode.INCLUDE_DELETED, "delete from users where id = ?",
          "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NULL");
    }
  }

  @Nested
  class OnlyDeleted {
    @Test
    void shouldShowOnlyDeletedRowsOfFromTable() {
      assertRewrite(SoftDeleteMode.ONLY_DELETED, "select * from users where name = ?",
          "SELECT * FROM users WHERE (name = ?) AND users.deleted_at IS NOT NULL");
    }

    @Test
    void shouldKeepJoinedTablesLive() {
      assertRewrite(SoftDeleteMode.ONLY_DELETED, "select * from orders o left join users u on u.id = o.user_id",
          "SELECT * FROM orders o LEFT JOIN users u ON (u.id = o.user_id) AND u.deleted_at IS NULL"
              + " WHERE o.deleted_at IS NOT NULL");
    }

    @Test
    void shouldKeepSubqueriesLive() {
      assertRewrite(SoftDeleteMode.ONLY_DELETED, "select * from orders where user_id in (select id from users)",
          "SELECT * FROM orders WHERE (user_id IN (SELECT id FROM users WHERE users.deleted_at IS NULL))"
              + " AND orders.deleted_at IS NOT NULL");
    }

    @Test
    void shouldKeepCteBodiesLive() {
      assertRewrite(SoftDeleteMode.ONLY_DELETED, "with u as (select id from users) select * from orders where user_id in (select id from u)",
          "WITH u AS (SELECT id FROM users WHERE users.deleted_at IS NULL) SELECT * FROM orders"
              + " WHERE (user_id IN (SELECT id FROM u)) AND orders.deleted_at IS NOT NULL");
    }

    @Test
    void shouldShowDeletedRowsInEveryUnionBranch() {
      assertRewrite(SoftDeleteMode.ONLY_DELETED, "select id from users union select user_id from orders",
          "SELECT id FROM users WHERE users.deleted_at IS NOT NULL UNION"
              + " SELECT user_id FROM orders WHERE orders.deleted_at IS NOT NULL");
    }

    @Test
    void shouldUpdateOnlyDeletedRows() {
      // explicitMarker=respect leaves this restore as written (ExplicitMarkerRewriteTest)
      assertRewrite(RewriteAssertions.FILTERING, SoftDeleteMode.ONLY_DELETED, "update users set deleted_at = null where id = ?",
          "UPDATE users SET deleted_at = NULL WHERE (id = ?) AND deleted_at IS NOT NULL");
    }

    // the spellings of the entity, and what OnlyDeleted does to writes: OnlyDeletedRewriteTest
  }

  @Nested
  class HardDelete {
    @Test
    void shouldRunDeleteAsWritten() {
      assertUnchanged(SoftDeleteMode.HARD_DELETE, "delete from users where deleted_at < ?");
    }

    @Test
    void shouldStillFilterSubqueryOfHardDelete() {
      assertRewrite(SoftDeleteMode.HARD_DELETE, "delete from orders where user_id in (select id from users)",
          "DELETE FROM orders WHERE user_id IN (SELECT id FROM users WHERE users.deleted_at IS NULL)");
    }

    @Test
    void shouldStillFilterSelect() {
      assertRewrite(SoftDeleteMode.HARD_DELETE, "select * from users",
          "SELECT * FROM users WHERE users.deleted_at IS NULL");
    }

    @Test
    void shouldAllowTruncate() {
      assertUnchanged(SoftDeleteMode.HARD_DELETE, "truncate table users");
    }
  }
}
