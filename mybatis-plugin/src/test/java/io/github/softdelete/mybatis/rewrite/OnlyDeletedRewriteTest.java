package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertRewrite;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertUnchanged;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The trash view: in each outermost query block the first reference of the FROM (the entity) shows its deleted
 * rows, every other reference its live ones, however the query is spelt; writes decide on live rows.
 */
class OnlyDeletedRewriteTest {
  private static final SoftDeleteMode TRASH = SoftDeleteMode.ONLY_DELETED;

  @Nested
  class TheEntityIsTheFirstReferenceOfTheFrom {
    @Test
    void shouldShowDeletedRowsOfTheFirstTableOnlyInACommaJoin() {
      assertRewrite(TRASH, "select * from orders o, users u where u.id = o.user_id",
          "SELECT * FROM orders o, users u WHERE (u.id = o.user_id) AND o.deleted_at IS NOT NULL"
              + " AND u.deleted_at IS NULL");
    }

    @Test
    void shouldShowDeletedRowsOfTheFirstTableOnlyInTheInnerJoinSpelling() {
      assertRewrite(TRASH, "select * from orders o join users u on u.id = o.user_id",
          "SELECT * FROM orders o JOIN users u ON (u.id = o.user_id) AND u.deleted_at IS NULL"
              + " WHERE o.deleted_at IS NOT NULL");
    }

    @Test
    void shouldKeepEveryFurtherTableOfACommaListLive() {
      assertRewrite(TRASH, "select * from orders o, users u, order_items i where u.id = o.user_id"
              + " and i.order_id = o.id",
          "SELECT * FROM orders o, users u, order_items i WHERE (u.id = o.user_id AND i.order_id = o.id)"
              + " AND o.deleted_at IS NOT NULL AND u.deleted_at IS NULL AND i.deleted_at IS NULL");
    }

    @Test
    void shouldKeepTheCrossJoinedTableLive() {
      assertRewrite(TRASH, "select * from orders o cross join users u",
          "SELECT * FROM orders o CROSS JOIN users u WHERE o.deleted_at IS NOT NULL AND u.deleted_at IS NULL");
    }

    @Test
    void shouldFindTheEntityInsideALeadingParenthesisedJoin() {
      assertRewrite(TRASH, "select * from (orders o join users u on u.id = o.user_id)"
              + " join order_items i on i.order_id = o.id",
          "SELECT * FROM ((SELECT * FROM orders WHERE deleted_at IS NOT NULL) o JOIN users u"
              + " ON (u.id = o.user_id) AND u.deleted_at IS NULL)"
              + " JOIN order_items i ON (i.order_id = o.id) AND i.deleted_at IS NULL");
    }

    @Test
    void shouldKeepAParenthesisedJoinAfterTheEntityLive() {
      assertRewrite(TRASH, "select * from orders o join (users u join order_items i on i.order_id = u.id)"
              + " on u.id = o.user_id",
          "SELECT * FROM orders o JOIN ((SELECT * FROM users WHERE deleted_at IS NULL) u JOIN order_items i"
              + " ON (i.order_id = u.id) AND i.deleted_at IS NULL) ON u.id = o.user_id"
              + " WHERE o.deleted_at IS NOT NULL");
    }

    @Test
    void shouldTakeTheFirstTableOfEachBranchOfASetOperation() {
      assertRewrite(TRASH, "select o.id from orders o, users u union select u.id from users u, orders o",
          "SELECT o.id FROM orders o, users u WHERE o.deleted_at IS NOT NULL AND u.deleted_at IS NULL"
              + " UNION SELECT u.id FROM users u, orders o WHERE u.deleted_at IS NOT NULL"
              + " AND o.deleted_at IS NULL");
    }

    @Test
    void shouldKeepEverySoftTableLiveWhenTheEntityIsNotSoft() {
      assertRewrite(TRASH, "select * from products p, orders o where o.id = p.id",
          "SELECT * FROM products p, orders o WHERE (o.id = p.id) AND o.deleted_at IS NULL");
    }

    @Test
    void shouldKeepTheTablesOfASubqueryLiveWhateverTheirSpelling() {
      assertRewrite(TRASH, "select * from orders o where exists (select 1 from users u, order_items i"
              + " where u.id = o.user_id and i.order_id = o.id)",
          "SELECT * FROM orders o WHERE (EXISTS (SELECT 1 FROM users u, order_items i"
              + " WHERE (u.id = o.user_id AND i.order_id = o.id) AND u.deleted_at IS NULL"
              + " AND i.deleted_at IS NULL)) AND o.deleted_at IS NOT NULL");
    }

    @Test
    void shouldShowDeletedRowsOfTheEntityOfAnExplainedSelect() {
      assertRewrite(TRASH, "explain select * from orders o, users u",
          "explain SELECT * FROM orders o, users u WHERE o.deleted_at IS NOT NULL AND u.deleted_at IS NULL");
    }
  }

  @Nested
  class AWrappedEntity {
    @Test
    void shouldShowDeletedRowsInsideADerivedTableThatIsTheFirstReference() {
      assertRewrite(TRASH, "select * from (select * from orders) x join users u on u.id = x.user_id",
          "SELECT * FROM (SELECT * FROM orders WHERE orders.deleted_at IS NOT NULL) x"
              + " JOIN users u ON (u.id = x.user_id) AND u.deleted_at IS NULL");
    }

    @Test
    void shouldApplyTheSameRuleToTheBlocksOfTheDerivedTable() {
      assertRewrite(TRASH, "select * from (select o.* from orders o join users u on u.id = o.user_id) x,"
              + " order_items i where i.order_id = x.id",
          "SELECT * FROM (SELECT o.* FROM orders o JOIN users u ON (u.id = o.user_id) AND u.deleted_at IS NULL"
              + " WHERE o.deleted_at IS NOT NULL) x, order_items i WHERE (i.order_id = x.id)"
              + " AND i.deleted_at IS NULL");
    }

    @Test
    void shouldShowDeletedRowsInEveryBranchOfADerivedSetOperation() {
      assertRewrite(TRASH, "select * from (select id from orders union select id from users) x, order_items i",
          "SELECT * FROM (SELECT id FROM orders WHERE orders.deleted_at IS NOT NULL UNION"
              + " SELECT id FROM users WHERE users.deleted_at IS NOT NULL) x, order_items i"
              + " WHERE i.deleted_at IS NULL");
    }

    @Test
    void shouldKeepADerivedTableAfterTheEntityLive() {
      assertRewrite(TRASH, "select * from users u join (select * from orders) x on x.user_id = u.id",
          "SELECT * FROM users u JOIN (SELECT * FROM orders WHERE orders.deleted_at IS NULL) x"
              + " ON x.user_id = u.id WHERE u.deleted_at IS NOT NULL");
    }

    @Test
    void shouldShowDeletedRowsInTheBodyOfACteReadOnceAsTheEntity() {
      assertRewrite(TRASH, "with x as (select * from orders) select * from x join users u on u.id = x.user_id",
          "WITH x AS (SELECT * FROM orders WHERE orders.deleted_at IS NOT NULL)"
              + " SELECT * FROM x JOIN users u ON (u.id = x.user_id) AND u.deleted_at IS NULL");
    }

    @Test
    void shouldFollowTheEntityThroughACteThatReadsAnotherCte() {
      assertRewrite(TRASH, "with x as (select * from orders), y as (select * from x)"
              + " select * from y join users u on u.id = y.user_id",
          "WITH x AS (SELECT * FROM orders WHERE orders.deleted_at IS NOT NULL), y AS (SELECT * FROM x)"
              + " SELECT * FROM y JOIN users u ON (u.id = y.user_id) AND u.deleted_at IS NULL");
    }

    @Test
    void shouldFollowTheEntityFromADerivedTableIntoACte() {
      assertRewrite(TRASH, "with q as (select * from orders) select * from (select * from q) d, users u",
          "WITH q AS (SELECT * FROM orders WHERE orders.deleted_at IS NOT NULL)"
              + " SELECT * FROM (SELECT * FROM q) d, users u WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldTellACteThatShadowsItsTableFromTheTable() {
      assertRewrite(TRASH, "with users as (select * from users where name = ?)"
              + " select * from users join orders o on o.user_id = users.id",
          "WITH users AS (SELECT * FROM users WHERE (name = ?) AND users.deleted_at IS NOT NULL)"
              + " SELECT * FROM users JOIN orders o ON (o.user_id = users.id) AND o.deleted_at IS NULL");
    }

    @Test
    void shouldLetACteWithoutSoftEntityBeReadTwice() {
      assertRewrite(TRASH, "with ids as (select id from users_archive)"
              + " select * from ids join users u on u.id = ids.id where ids.id in (select id from ids)",
          "WITH ids AS (SELECT id FROM users_archive) SELECT * FROM ids JOIN users u"
              + " ON (u.id = ids.id) AND u.deleted_at IS NULL WHERE ids.id IN (SELECT id FROM ids)");
    }
  }

  @Nested
  class RefusedSpellings {
    @Test
    void shouldRefuseACteThatIsTheEntityAndIsReadElsewhereToo() {
      RewriteRefusedException refused = refusal(TRASH, "with x as (select * from orders)"
          + " select * from x join users u on u.id = x.user_id where x.id not in (select id from x where amount > 1)");

      assertThat(refused.table()).isEqualTo("orders");
      assertThat(refused.reason()).isEqualTo("OnlyDeleted shows the deleted rows of the first table of the FROM,"
          + " here the CTE 'x', which the statement also reads elsewhere, where its rows must stay live, and one"
          + " CTE body cannot give both; name the table itself first in the FROM, or write a CTE of its own for"
          + " each use");
    }

    @Test
    void shouldRefuseACteThatIsTheEntityAndIsReadByAnotherCte() {
      assertThat(refusal(TRASH, "with x as (select * from orders), y as (select * from x)"
          + " select * from y join x on x.id = y.id").reason()).contains("here the CTE 'x', which the statement"
          + " also reads elsewhere");
    }

    @Test
    void shouldRefuseARecursiveCteAsTheEntity() {
      RewriteRefusedException refused = refusal(TRASH, "with recursive chain as (select id, manager_id from users"
          + " where id = ? union all select u.id, u.manager_id from users u join chain c on u.id = c.manager_id)"
          + " select * from chain");

      assertThat(refused.table()).isEqualTo("users");
      assertThat(refused.reason()).isEqualTo("OnlyDeleted shows the deleted rows of the first table of the FROM,"
          + " here the recursive CTE 'chain', and whether its walk should pass through deleted or live rows is not"
          + " certain; select from the table itself, or run the query inside IncludeDeleted.run(...) with your"
          + " own condition on the marker");
    }

    @Test
    void shouldKeepARecursiveCteLiveWhenItIsNotTheEntity() {
      assertRewrite(TRASH, "with recursive chain as (select id, manager_id from users where id = ?"
              + " union all select u.id, u.manager_id from users u join chain c on u.id = c.manager_id)"
              + " select * from orders o where o.user_id in (select id from chain)",
          "WITH RECURSIVE chain AS (SELECT id, manager_id FROM users WHERE (id = ?) AND users.deleted_at IS NULL"
              + " UNION ALL SELECT u.id, u.manager_id FROM users u JOIN chain c ON u.id = c.manager_id"
              + " WHERE u.deleted_at IS NULL) SELECT * FROM orders o WHERE (o.user_id IN (SELECT id FROM chain))"
              + " AND o.deleted_at IS NOT NULL");
    }

    @Test
    void shouldRunTheSameStatementsInTheDefaultMode() {
      assertRewrite(SoftDeleteMode.DEFAULT, "with x as (select * from orders) select * from x where x.id not in"
              + " (select id from x)",
          "WITH x AS (SELECT * FROM orders WHERE orders.deleted_at IS NULL) SELECT * FROM x"
              + " WHERE x.id NOT IN (SELECT id FROM x)");
    }
  }

  @Nested
  class Writes {
    @Test
    void shouldReadLiveRowsInTheSelectOfInsertSelect() {
      assertRewrite(TRASH, "insert into users_archive select id, name from users",
          "INSERT INTO users_archive SELECT id, name FROM users WHERE users.deleted_at IS NULL");
    }

    @Test
    void shouldCheckLiveRowsOfTheTargetInAnInsertUnlessExists() {
      // a real mapper: insert an order unless the user has one; the trash view must not make it count deleted ones
      assertRewrite(TRASH, "insert into orders (id, user_id) select ?, u.id from users u where u.id = ?"
              + " and not exists (select 1 from orders o where o.user_id = u.id)",
          "INSERT INTO orders (id, user_id) SELECT ?, u.id FROM users u WHERE (u.id = ? AND NOT EXISTS"
              + " (SELECT 1 FROM orders o WHERE (o.user_id = u.id) AND o.deleted_at IS NULL))"
              + " AND u.deleted_at IS NULL");
    }

    @Test
    void shouldReadLiveRowsWhenTheSourceSelectsFromTheTarget() {
      assertRewrite(TRASH, "insert into orders (id, user_id) select ?, ? from orders where not exists"
              + " (select 1 from orders where user_id = ?) limit 1",
          "INSERT INTO orders (id, user_id) SELECT ?, ? FROM orders WHERE (NOT EXISTS (SELECT 1 FROM orders"
              + " WHERE (user_id = ?) AND orders.deleted_at IS NULL)) AND orders.deleted_at IS NULL LIMIT 1");
    }

    @Test
    void shouldLeaveAnInsertSelectThatNamesTheDeletedRowsItselfAsWritten() {
      // how deleted rows are copied out: the statement says so itself
      assertUnchanged(TRASH, "insert into users_archive select id, name from users where deleted_at is not null");
    }

    @Test
    void shouldTouchOnlyDeletedRowsOfTheUpdateTargetAndReadLiveRowsInItsSubquery() {
      assertRewrite(TRASH, "update orders set amount = 0 where user_id in (select id from users)",
          "UPDATE orders SET amount = 0 WHERE (user_id IN (SELECT id FROM users WHERE users.deleted_at IS NULL))"
              + " AND deleted_at IS NOT NULL");
    }

    @Test
    void shouldReadLiveRowsOfTheTablesAnUpdateJoins() {
      assertRewrite(TRASH, "update orders o set amount = 0 from users u where u.id = o.user_id",
          "UPDATE orders o SET amount = 0 FROM users u WHERE (u.id = o.user_id) AND u.deleted_at IS NULL"
              + " AND o.deleted_at IS NOT NULL");
      assertRewrite(TRASH, "update orders o join users u on u.id = o.user_id set o.amount = 0",
          "UPDATE orders o JOIN users u ON (u.id = o.user_id) AND u.deleted_at IS NULL SET o.amount = 0"
              + " WHERE o.deleted_at IS NOT NULL");
    }

    @Test
    void shouldStillMarkLiveRowsWithADeleteAndReadLiveRowsInItsSubquery() {
      assertRewrite(TRASH, "delete from orders where user_id in (select id from users)",
          "UPDATE orders SET deleted_at = CURRENT_TIMESTAMP WHERE (user_id IN (SELECT id FROM users"
              + " WHERE users.deleted_at IS NULL)) AND deleted_at IS NULL");
    }
  }
}
