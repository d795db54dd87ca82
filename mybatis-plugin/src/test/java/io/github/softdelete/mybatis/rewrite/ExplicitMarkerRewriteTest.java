package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.ENGINE;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.FILTERING;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertRewrite;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * explicitMarker=respect: where the application's SQL constrains a reference's marker in that reference's own
 * query block, the reference is left as written. Soft tables: users, orders, order_items; marker deleted_at.
 */
class ExplicitMarkerRewriteTest {

  @Nested
  class Selects {
    @Test
    void shouldLeaveTrashViewAsWritten() {
      assertUnchanged("select * from users where deleted_at is not null");
    }

    @Test
    void shouldReturnTheVeryStringWhenNothingElseChanges() {
      String sql = "SELECT  id\n FROM users   WHERE deleted_at > ?";
      RewriteResult result = ENGINE.rewrite(sql, SoftDeleteMode.DEFAULT);
      assertThat(result.sql()).isSameAs(sql);
      assertThat(result.changed()).isFalse();
      assertThat(result.leftAsWrittenNote()).isEqualTo("left as written: the statement filters deleted_at itself");
    }

    @Test
    void shouldCountAnyExpressionOnTheMarker() {
      assertUnchanged("select * from users where coalesce(deleted_at, current_timestamp) > ?");
      assertUnchanged("select count(*) from users group by name having max(deleted_at) > ?");
    }

    @Test
    void shouldCountAMentionInsideAParenthesisedCondition() {
      // a parenthesised WHERE is a list node in the parser's tree: found by the differential fuzzer
      assertUnchanged("select 5 from users t5 where (t5.id >= 6 or t5.deleted_at is not null)");
      assertUnchanged("select 5 from users t5 where (t5.deleted_at is not null)");
      assertRewrite("select * from users u join orders o on (o.user_id = u.id and o.deleted_at is not null)",
          "SELECT * FROM users u JOIN orders o ON (o.user_id = u.id AND o.deleted_at IS NOT NULL)"
              + " WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldCountAQualifiedMentionWhateverTheCase() {
      assertUnchanged("select * from Users where USERS.Deleted_At is not null");
      assertUnchanged("select * from users where \"deleted_at\" is not null");
    }

    @Test
    void shouldFilterTheOtherSideOfAJoinWhenOneSideIsConstrainedByAlias() {
      String sql = "select * from users u join orders o on o.user_id = u.id where u.deleted_at is not null";
      assertRewrite(sql, "SELECT * FROM users u JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
          + " WHERE u.deleted_at IS NOT NULL");
      assertThat(ENGINE.rewrite(sql, SoftDeleteMode.DEFAULT).leftAsWrittenNote())
          .isEqualTo("users: left as written: the statement filters deleted_at itself");
    }

    @Test
    void shouldCountAConstraintInTheOnOfTheJoin() {
      assertRewrite("select * from users u left join orders o on o.user_id = u.id and o.deleted_at is not null",
          "SELECT * FROM users u LEFT JOIN orders o ON o.user_id = u.id AND o.deleted_at IS NOT NULL"
              + " WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldCountAnUnqualifiedMentionForTheOnlySoftReferenceOfTheBlock() {
      assertRewrite("select * from users u join (select user_id from orders) o on o.user_id = u.id"
              + " where deleted_at is not null",
          "SELECT * FROM users u JOIN (SELECT user_id FROM orders WHERE orders.deleted_at IS NULL) o"
              + " ON o.user_id = u.id WHERE deleted_at IS NOT NULL");
      assertUnchanged("select * from users u join accounts a on a.user_id = u.id where deleted_at is not null");
    }

    @Test
    void shouldFilterBothSoftReferencesWhenAnUnqualifiedMentionCouldBeEither() {
      assertRewrite("select * from users u join orders o on o.user_id = u.id where deleted_at is null",
          "SELECT * FROM users u JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
              + " WHERE (deleted_at IS NULL) AND u.deleted_at IS NULL");
    }

    @Test
    void shouldLetASubqueryConstrainItsOwnReferenceWhileTheOuterBlockIsFiltered() {
      assertRewrite("select * from orders where user_id in (select id from users where deleted_at is not null)",
          "SELECT * FROM orders WHERE (user_id IN (SELECT id FROM users WHERE deleted_at IS NOT NULL))"
              + " AND orders.deleted_at IS NULL");
    }

    @Test
    void shouldFilterASubqueryWhileTheOuterBlockConstrainsItsOwnReference() {
      assertRewrite("select * from users where deleted_at is not null and id in (select user_id from orders)",
          "SELECT * FROM users WHERE deleted_at IS NOT NULL AND id IN"
              + " (SELECT user_id FROM orders WHERE orders.deleted_at IS NULL)");
    }

    @Test
    void shouldNotCountAnOuterReferenceConstrainedInsideASubquery() {
      assertRewrite("select * from users u where exists (select 1 from orders o where o.user_id = u.id"
              + " and u.deleted_at is not null)",
          "SELECT * FROM users u WHERE (EXISTS (SELECT 1 FROM orders o WHERE (o.user_id = u.id"
              + " AND u.deleted_at IS NOT NULL) AND o.deleted_at IS NULL)) AND u.deleted_at IS NULL");
    }

    @Test
    void shouldStillFilterWhenTheMarkerIsOnlySelectedOrSorted() {
      assertRewrite("select id, deleted_at from users where name = ? order by deleted_at",
          "SELECT id, deleted_at FROM users WHERE (name = ?) AND users.deleted_at IS NULL ORDER BY deleted_at");
    }

    @Test
    void shouldCountAConstraintInTheOnOfAParenthesisedJoin() {
      assertRewrite("select * from accounts a left join (users u join orders o on o.user_id = u.id"
              + " and u.deleted_at is not null) on u.account_id = a.id",
          "SELECT * FROM accounts a LEFT JOIN (users u JOIN orders o ON (o.user_id = u.id"
              + " AND u.deleted_at IS NOT NULL) AND o.deleted_at IS NULL) ON u.account_id = a.id");
    }

    @Test
    void shouldCountAnotherMarkerColumnByItsName() {
      SqlRewriter engine = new SqlRewriter(SoftTables.of(List.of("users")), SoftDeleteMarker.of("is_deleted", "0", "1"));
      RewriteResult trash = engine.rewrite("select * from users where is_deleted = ?", SoftDeleteMode.DEFAULT);
      assertThat(trash.changed()).isFalse();
      assertThat(trash.leftAsWrittenNote()).isEqualTo("left as written: the statement filters is_deleted itself");
      assertThat(engine.rewrite("select * from users where deleted_at is not null", SoftDeleteMode.DEFAULT).sql())
          .isEqualTo("SELECT * FROM users WHERE (deleted_at IS NOT NULL) AND users.is_deleted = 0");
    }
  }

  @Nested
  class Updates {
    @Test
    void shouldLeaveRestoreBySetAsWritten() {
      assertUnchanged("update users set deleted_at = null where id = ?");
    }

    @Test
    void shouldLeaveRestoreByWhereAsWritten() {
      assertUnchanged("update users set name = ? where id = ? and deleted_at is not null");
    }

    @Test
    void shouldLeaveWholeRowUpdateAssigningTheMarkerAsWritten() {
      assertUnchanged("update users set name = ?, email = ?, deleted_at = ? where id = ?");
    }

    @Test
    void shouldLeaveHandWrittenSoftDeleteAsWritten() {
      assertUnchanged("update users set deleted_at = current_timestamp where id = ?");
    }

    @Test
    void shouldFilterTheTablesAnUpdateReadsByTheSelectRule() {
      assertRewrite("update orders set status = ? where user_id in (select id from users where deleted_at is not null)",
          "UPDATE orders SET status = ? WHERE (user_id IN (SELECT id FROM users WHERE deleted_at IS NOT NULL))"
              + " AND deleted_at IS NULL");
      assertRewrite("update users set deleted_at = null where id in (select user_id from orders)",
          "UPDATE users SET deleted_at = NULL WHERE id IN"
              + " (SELECT user_id FROM orders WHERE orders.deleted_at IS NULL)");
    }

    @Test
    void shouldLeaveAFromTableTheUpdateConstrainsAsWritten() {
      assertRewrite("update orders o set status = ? from users u where u.id = o.user_id and u.deleted_at is not null",
          "UPDATE orders o SET status = ? FROM users u WHERE (u.id = o.user_id AND u.deleted_at IS NOT NULL)"
              + " AND o.deleted_at IS NULL");
    }

    @Test
    void shouldLeaveATargetWhoseMarkerIsAssignedByItsAliasAsWritten() {
      assertUnchanged("update users u set u.deleted_at = null where u.id = ?");
    }

    @Test
    void shouldLeaveAJoinedTableWhoseMarkerAMultiTableUpdateAssignsAsWritten() {
      assertRewrite("update users u join orders o on o.user_id = u.id set o.deleted_at = null where u.id = ?",
          "UPDATE users u JOIN orders o ON o.user_id = u.id SET o.deleted_at = NULL"
              + " WHERE (u.id = ?) AND u.deleted_at IS NULL");
    }

    @Test
    void shouldStillGuardAnUpdateThatMentionsTheMarkerOnlyInItsValues() {
      assertRewrite("update users set last_seen = deleted_at where id = ?",
          "UPDATE users SET last_seen = deleted_at WHERE (id = ?) AND deleted_at IS NULL");
    }
  }

  @Nested
  class Deletes {
    @Test
    void shouldStillConvertADeleteThatNamesTheMarker() {
      assertRewrite("delete from users where deleted_at < ?",
          "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (deleted_at < ?) AND deleted_at IS NULL");
    }

    @Test
    void shouldLeaveATableTheDeleteReadsAsWrittenWhereItsBlockConstrainsIt() {
      assertRewrite("delete from orders where user_id in (select id from users where deleted_at is not null)",
          "UPDATE orders SET deleted_at = CURRENT_TIMESTAMP WHERE (user_id IN"
              + " (SELECT id FROM users WHERE deleted_at IS NOT NULL)) AND deleted_at IS NULL");
    }

    @Test
    void shouldLeaveAUsingTableTheDeleteConstrainsAsWritten() {
      assertRewrite("delete from orders o using users u where u.id = o.user_id and u.deleted_at is not null",
          "UPDATE orders o SET deleted_at = CURRENT_TIMESTAMP FROM users u"
              + " WHERE (u.id = o.user_id AND u.deleted_at IS NOT NULL) AND o.deleted_at IS NULL");
    }
  }

  @Nested
  class Modes {
    @Test
    void shouldNotAddTheDeletedPredicateInOnlyDeletedToAConstrainedReference() {
      assertUnchanged(SoftDeleteMode.ONLY_DELETED, "select * from users where deleted_at > ?");
      assertRewrite(SoftDeleteMode.ONLY_DELETED,
          "select * from users u join orders o on o.user_id = u.id where u.deleted_at > ?",
          "SELECT * FROM users u JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
              + " WHERE u.deleted_at > ?");
      assertRewrite(SoftDeleteMode.ONLY_DELETED, "select * from users u join orders o on o.user_id = u.id"
              + " where o.deleted_at is null",
          "SELECT * FROM users u JOIN orders o ON o.user_id = u.id WHERE (o.deleted_at IS NULL)"
              + " AND u.deleted_at IS NOT NULL");
    }

    @Test
    void shouldLeaveAnUpdateConstrainingItsMarkerAsWrittenInOnlyDeleted() {
      assertUnchanged(SoftDeleteMode.ONLY_DELETED, "update users set deleted_at = null where id = ?");
    }

    @Test
    void shouldLeaveAConstrainedReferenceAsWrittenInIncludeDeleted() {
      assertUnchanged(SoftDeleteMode.INCLUDE_DELETED, "select * from users where deleted_at is not null");
      assertUnchanged(SoftDeleteMode.INCLUDE_DELETED, "update users set deleted_at = null where id = ?");
    }
  }

  @Nested
  class Filter {
    @Test
    void shouldFilterATrashViewAsBefore() {
      assertRewrite(FILTERING, SoftDeleteMode.DEFAULT, "select * from users where deleted_at is not null",
          "SELECT * FROM users WHERE (deleted_at IS NOT NULL) AND users.deleted_at IS NULL");
    }

    @Test
    void shouldGuardARestoreAsBefore() {
      assertRewrite(FILTERING, SoftDeleteMode.DEFAULT, "update users set deleted_at = null where id = ?",
          "UPDATE users SET deleted_at = NULL WHERE (id = ?) AND deleted_at IS NULL");
    }

    @Test
    void shouldFilterBothSidesOfAJoinAsBefore() {
      assertRewrite(FILTERING, SoftDeleteMode.ONLY_DELETED,
          "select * from users u join orders o on o.user_id = u.id where u.deleted_at > ?",
          "SELECT * FROM users u JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
              + " WHERE (u.deleted_at > ?) AND u.deleted_at IS NOT NULL");
    }
  }
}
