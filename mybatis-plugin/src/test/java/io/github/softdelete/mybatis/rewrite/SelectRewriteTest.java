package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertRewrite;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertUnchanged;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SELECT shapes: one shape per test, SQL in and SQL out. Soft tables: users, orders, order_items. */
class SelectRewriteTest {

  @Nested
  class FromList {
    @Test
    void shouldAddPredicateToSelectWithoutWhere() {
      assertRewrite("select * from users", "SELECT * FROM users WHERE users.deleted_at IS NULL");
    }

    @Test
    void shouldParenthesiseExistingWhereBeforeAndingPredicate() {
      assertRewrite("select * from users where id = 1 or name = 'a'",
          "SELECT * FROM users WHERE (id = 1 OR name = 'a') AND users.deleted_at IS NULL");
    }

    @Test
    void shouldQualifyPredicateWithAlias() {
      assertRewrite("select u.id from users u where u.id = ?",
          "SELECT u.id FROM users u WHERE (u.id = ?) AND u.deleted_at IS NULL");
    }

    @Test
    void shouldQualifyPredicateWithAsAlias() {
      assertRewrite("select x.id from users as x",
          "SELECT x.id FROM users AS x WHERE x.deleted_at IS NULL");
    }

    @Test
    void shouldFilterEveryTableOfCommaJoin() {
      assertRewrite("select * from users u, orders o where o.user_id = u.id",
          "SELECT * FROM users u, orders o WHERE (o.user_id = u.id) AND u.deleted_at IS NULL AND o.deleted_at IS NULL");
    }

    @Test
    void shouldLeaveNonSoftTableOfCommaJoinAlone() {
      assertRewrite("select * from products p, orders o where o.sku = p.sku",
          "SELECT * FROM products p, orders o WHERE (o.sku = p.sku) AND o.deleted_at IS NULL");
    }

    @Test
    void shouldKeepGroupByHavingOrderByAndLimitAfterWhere() {
      assertRewrite("select user_id, count(*) from orders group by user_id having count(*) > 1 order by 2 desc limit 5",
          "SELECT user_id, count(*) FROM orders WHERE orders.deleted_at IS NULL GROUP BY user_id"
              + " HAVING count(*) > 1 ORDER BY 2 DESC LIMIT 5");
    }

    @Test
    void shouldFilterDistinctSelect() {
      assertRewrite("select distinct name from users",
          "SELECT DISTINCT name FROM users WHERE users.deleted_at IS NULL");
    }

    @Test
    void shouldKeepForUpdateLockOnFilteredSelect() {
      assertRewrite("select * from users where id = ? for update",
          "SELECT * FROM users WHERE (id = ?) AND users.deleted_at IS NULL FOR UPDATE");
    }
  }

  @Nested
  class Joins {
    @Test
    void shouldPutInnerJoinPredicateIntoOn() {
      assertRewrite("select * from users u join orders o on o.user_id = u.id",
          "SELECT * FROM users u JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
              + " WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldPutExplicitInnerJoinPredicateIntoOn() {
      assertRewrite("select * from users u inner join orders o on o.user_id = u.id",
          "SELECT * FROM users u INNER JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
              + " WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldKeepUsersWithOnlyDeletedOrdersInLeftJoin() {
      assertRewrite("select * from users u left join orders o on o.user_id = u.id",
          "SELECT * FROM users u LEFT JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
              + " WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldPutLeftOuterJoinPredicateIntoOn() {
      assertRewrite("select * from users u left outer join orders o on o.user_id = u.id",
          "SELECT * FROM users u LEFT OUTER JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
              + " WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldReplaceNullableLeftSideOfRightJoinByDerivedTable() {
      assertRewrite("select * from users u right join orders o on o.user_id = u.id",
          "SELECT * FROM (SELECT * FROM users WHERE deleted_at IS NULL) u RIGHT JOIN orders o ON o.user_id = u.id"
              + " WHERE o.deleted_at IS NULL");
    }

    @Test
    void shouldReplaceBothSidesOfFullJoinByDerivedTables() {
      assertRewrite("select * from users u full outer join orders o on o.user_id = u.id",
          "SELECT * FROM (SELECT * FROM users WHERE deleted_at IS NULL) u"
              + " FULL OUTER JOIN (SELECT * FROM orders WHERE deleted_at IS NULL) o ON o.user_id = u.id");
    }

    @Test
    void shouldFilterCrossJoinInWhere() {
      assertRewrite("select * from users u cross join orders o",
          "SELECT * FROM users u CROSS JOIN orders o WHERE u.deleted_at IS NULL AND o.deleted_at IS NULL");
    }

    @Test
    void shouldFilterInnerUsingJoinInWhere() {
      assertRewrite("select * from users u join orders o using (id)",
          "SELECT * FROM users u JOIN orders o USING (id) WHERE u.deleted_at IS NULL AND o.deleted_at IS NULL");
    }

    @Test
    void shouldReplaceRightSideOfLeftUsingJoinByDerivedTable() {
      assertRewrite("select * from users u left join orders o using (id)",
          "SELECT * FROM users u LEFT JOIN (SELECT * FROM orders WHERE deleted_at IS NULL) o USING (id)"
              + " WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldFilterNaturalJoinInWhere() {
      assertRewrite("select * from users natural join orders",
          "SELECT * FROM users NATURAL JOIN orders WHERE users.deleted_at IS NULL AND orders.deleted_at IS NULL");
    }

    @Test
    void shouldFilterSelfJoinOfUsersAndManagers() {
      assertRewrite("select u.name, m.name from users u left join users m on m.id = u.manager_id",
          "SELECT u.name, m.name FROM users u LEFT JOIN users m ON (m.id = u.manager_id) AND m.deleted_at IS NULL"
              + " WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldFilterEveryLinkOfJoinChain() {
      assertRewrite("select * from users u join orders o on o.user_id = u.id"
              + " left join order_items i on i.order_id = o.id join products p on p.sku = i.sku",
          "SELECT * FROM users u JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
              + " LEFT JOIN order_items i ON (i.order_id = o.id) AND i.deleted_at IS NULL"
              + " JOIN products p ON p.sku = i.sku WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldUseDerivedTablesForEverythingLeftOfLaterRightJoin() {
      assertRewrite("select * from users u join orders o on o.user_id = u.id right join products p on p.sku = o.sku",
          "SELECT * FROM (SELECT * FROM users WHERE deleted_at IS NULL) u"
              + " JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
              + " RIGHT JOIN products p ON p.sku = o.sku");
    }

    @Test
    void shouldFilterTablesInsideParenthesisedJoin() {
      assertRewrite("select * from products p left join (orders o join order_items i on i.order_id = o.id)"
              + " on o.sku = p.sku",
          "SELECT * FROM products p LEFT JOIN ((SELECT * FROM orders WHERE deleted_at IS NULL) o"
              + " JOIN order_items i ON (i.order_id = o.id) AND i.deleted_at IS NULL) ON o.sku = p.sku");
    }

    @Test
    void shouldFilterParenthesisedJoinInFromPosition() {
      assertRewrite("select * from (users u join orders o on o.user_id = u.id)",
          "SELECT * FROM ((SELECT * FROM users WHERE deleted_at IS NULL) u"
              + " JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL)");
    }

    @Test
    void shouldFilterSubqueryInOnCondition() {
      assertRewrite("select * from products p join orders o on o.sku = p.sku and o.user_id in (select id from users)",
          "SELECT * FROM products p JOIN orders o ON (o.sku = p.sku AND o.user_id IN"
              + " (SELECT id FROM users WHERE users.deleted_at IS NULL)) AND o.deleted_at IS NULL");
    }
  }

  @Nested
  class DerivedTablesAndCtes {
    @Test
    void shouldFilterDerivedTable() {
      assertRewrite("select * from (select * from users where id > 1) x",
          "SELECT * FROM (SELECT * FROM users WHERE (id > 1) AND users.deleted_at IS NULL) x");
    }

    @Test
    void shouldFilterNestedDerivedTables() {
      assertRewrite("select * from (select * from (select id from orders) a) b",
          "SELECT * FROM (SELECT * FROM (SELECT id FROM orders WHERE orders.deleted_at IS NULL) a) b");
    }

    @Test
    void shouldFilterDerivedTableOnRightOfLeftJoin() {
      assertRewrite("select * from products p left join (select sku from orders) o on o.sku = p.sku",
          "SELECT * FROM products p LEFT JOIN (SELECT sku FROM orders WHERE orders.deleted_at IS NULL) o"
              + " ON o.sku = p.sku");
    }

    @Test
    void shouldFilterCteBodyButNotCteReference() {
      assertRewrite("with big as (select * from orders where amount > 10) select * from big",
          "WITH big AS (SELECT * FROM orders WHERE (amount > 10) AND orders.deleted_at IS NULL) SELECT * FROM big");
    }

    @Test
    void shouldNotFilterCteNamedLikeSoftTable() {
      assertRewrite("with users as (select * from users where name like 'a%') select * from users",
          "WITH users AS (SELECT * FROM users WHERE (name LIKE 'a%') AND users.deleted_at IS NULL) SELECT * FROM users");
    }

    @Test
    void shouldFilterSeveralCtesReferringToEachOther() {
      assertRewrite("with a as (select id from users), b as (select o.id from orders o join a on a.id = o.user_id)"
              + " select * from b",
          "WITH a AS (SELECT id FROM users WHERE users.deleted_at IS NULL),"
              + " b AS (SELECT o.id FROM orders o JOIN a ON a.id = o.user_id WHERE o.deleted_at IS NULL)"
              + " SELECT * FROM b");
    }

    @Test
    void shouldFilterBothBranchesOfRecursiveCte() {
      assertRewrite("with recursive chain (id, manager_id) as (select id, manager_id from users where id = ?"
              + " union all select u.id, u.manager_id from users u join chain c on u.id = c.manager_id)"
              + " select * from chain",
          "WITH RECURSIVE chain (id, manager_id) AS (SELECT id, manager_id FROM users WHERE (id = ?)"
              + " AND users.deleted_at IS NULL UNION ALL SELECT u.id, u.manager_id FROM users u"
              + " JOIN chain c ON u.id = c.manager_id WHERE u.deleted_at IS NULL) SELECT * FROM chain");
    }

    @Test
    void shouldFilterCteReferencedTwice() {
      assertRewrite("with o as (select * from orders) select * from o a join o b on a.id = b.id",
          "WITH o AS (SELECT * FROM orders WHERE orders.deleted_at IS NULL) SELECT * FROM o a JOIN o b ON a.id = b.id");
    }

    @Test
    void shouldFilterLateralSubquery() {
      assertRewrite("select * from users u, lateral (select * from orders o where o.user_id = u.id) x",
          "SELECT * FROM users u, LATERAL (SELECT * FROM orders o WHERE (o.user_id = u.id) AND o.deleted_at IS NULL) x"
              + " WHERE u.deleted_at IS NULL");
    }
  }

  @Nested
  class SetOperations {
    @Test
    void shouldFilterEveryUnionBranch() {
      assertRewrite("select id from users union select user_id from orders",
          "SELECT id FROM users WHERE users.deleted_at IS NULL UNION SELECT user_id FROM orders WHERE orders.deleted_at IS NULL");
    }

    @Test
    void shouldFilterUnionAllBranchesAndLeaveNonSoftBranch() {
      assertRewrite("select id from users union all select id from users_archive",
          "SELECT id FROM users WHERE users.deleted_at IS NULL UNION ALL SELECT id FROM users_archive");
    }

    @Test
    void shouldFilterIntersectBranches() {
      assertRewrite("select id from users intersect select user_id from orders",
          "SELECT id FROM users WHERE users.deleted_at IS NULL INTERSECT SELECT user_id FROM orders WHERE orders.deleted_at IS NULL");
    }

    @Test
    void shouldFilterExceptBranches() {
      assertRewrite("select id from users except select user_id from orders",
          "SELECT id FROM users WHERE users.deleted_at IS NULL EXCEPT SELECT user_id FROM orders WHERE orders.deleted_at IS NULL");
    }

    @Test
    void shouldFilterParenthesisedBranchesWithOrderBy() {
      assertRewrite("(select id from users) union (select user_id from orders) order by 1",
          "(SELECT id FROM users WHERE users.deleted_at IS NULL) UNION"
              + " (SELECT user_id FROM orders WHERE orders.deleted_at IS NULL) ORDER BY 1");
    }
  }

  @Nested
  class Subqueries {
    @Test
    void shouldFilterScalarSubqueryInSelectList() {
      assertRewrite("select u.id, (select count(*) from orders o where o.user_id = u.id) n from users u",
          "SELECT u.id, (SELECT count(*) FROM orders o WHERE (o.user_id = u.id) AND o.deleted_at IS NULL) n"
              + " FROM users u WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldFilterInSubquery() {
      assertRewrite("select * from products where sku in (select sku from orders)",
          "SELECT * FROM products WHERE sku IN (SELECT sku FROM orders WHERE orders.deleted_at IS NULL)");
    }

    @Test
    void shouldFilterNotInSubquery() {
      assertRewrite("select * from products where sku not in (select sku from orders)",
          "SELECT * FROM products WHERE sku NOT IN (SELECT sku FROM orders WHERE orders.deleted_at IS NULL)");
    }

    @Test
    void shouldFilterExistsSubquery() {
      assertRewrite("select * from products p where exists (select 1 from orders o where o.sku = p.sku)",
          "SELECT * FROM products p WHERE EXISTS (SELECT 1 FROM orders o WHERE (o.sku = p.sku) AND o.deleted_at IS NULL)");
    }

    @Test
    void shouldFilterNotExistsSubquery() {
      assertRewrite("select * from products p where not exists (select 1 from orders o where o.sku = p.sku)",
          "SELECT * FROM products p WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE (o.sku = p.sku) AND o.deleted_at IS NULL)");
    }

    @Test
    void shouldFilterComparisonSubquery() {
      assertRewrite("select * from products where price > (select avg(amount) from orders)",
          "SELECT * FROM products WHERE price > (SELECT avg(amount) FROM orders WHERE orders.deleted_at IS NULL)");
    }

    @Test
    void shouldFilterAnySubquery() {
      assertRewrite("select * from products where price = any (select amount from orders)",
          "SELECT * FROM products WHERE price = ANY (SELECT amount FROM orders WHERE orders.deleted_at IS NULL)");
    }

    @Test
    void shouldFilterAllSubquery() {
      assertRewrite("select * from products where price > all (select amount from orders)",
          "SELECT * FROM products WHERE price > ALL (SELECT amount FROM orders WHERE orders.deleted_at IS NULL)");
    }

    @Test
    void shouldFilterSubqueryInHaving() {
      assertRewrite("select sku from products group by sku having count(*) > (select count(*) from orders)",
          "SELECT sku FROM products GROUP BY sku HAVING count(*) > (SELECT count(*) FROM orders WHERE orders.deleted_at IS NULL)");
    }

    @Test
    void shouldFilterSubqueryInCase() {
      assertRewrite("select case when exists (select 1 from orders o where o.sku = p.sku) then 'sold' else 'new' end"
              + " from products p",
          "SELECT CASE WHEN EXISTS (SELECT 1 FROM orders o WHERE (o.sku = p.sku) AND o.deleted_at IS NULL)"
              + " THEN 'sold' ELSE 'new' END FROM products p");
    }

    @Test
    void shouldFilterSubqueryInFunctionArgument() {
      assertRewrite("select coalesce((select max(amount) from orders), 0) from products",
          "SELECT coalesce((SELECT max(amount) FROM orders WHERE orders.deleted_at IS NULL), 0) FROM products");
    }

    @Test
    void shouldFilterSubqueriesThreeLevelsDeep() {
      assertRewrite("select * from products where sku in (select sku from orders where user_id in"
              + " (select id from users where manager_id in (select id from users)))",
          "SELECT * FROM products WHERE sku IN (SELECT sku FROM orders WHERE (user_id IN"
              + " (SELECT id FROM users WHERE (manager_id IN (SELECT id FROM users WHERE users.deleted_at IS NULL))"
              + " AND users.deleted_at IS NULL)) AND orders.deleted_at IS NULL)");
    }

    @Test
    void shouldFilterSubqueryInOrderBy() {
      assertRewrite("select * from products p order by (select count(*) from orders o where o.sku = p.sku)",
          "SELECT * FROM products p ORDER BY (SELECT count(*) FROM orders o WHERE (o.sku = p.sku) AND o.deleted_at IS NULL)");
    }
  }

  @Nested
  class TableNames {
    @Test
    void shouldMatchUpperCaseName() {
      assertRewrite("select * from USERS", "SELECT * FROM USERS WHERE USERS.deleted_at IS NULL");
    }

    @Test
    void shouldMatchQuotedName() {
      assertRewrite("select * from \"Users\"", "SELECT * FROM \"Users\" WHERE \"Users\".deleted_at IS NULL");
    }

    @Test
    void shouldMatchBacktickQuotedName() {
      assertRewrite("select * from `users`", "SELECT * FROM `users` WHERE `users`.deleted_at IS NULL");
    }

    @Test
    void shouldMatchSchemaQualifiedName() {
      assertRewrite("select * from app.users", "SELECT * FROM app.users WHERE app.users.deleted_at IS NULL");
    }

    @Test
    void shouldNotMatchTableWhoseNameContainsSoftName() {
      assertUnchanged("select * from users_archive where name = 'users'");
    }

    @Test
    void shouldNotParseSqlThatMentionsNoSoftTable() {
      assertUnchanged("select * from products where title = ?");
    }

    @Test
    void shouldLeaveStatementWhoseOnlyMentionIsAStringLiteral() {
      assertUnchanged("select * from products where title = 'DELETE FROM users'");
    }

    @Test
    void shouldLeaveStatementWhoseOnlyMentionIsAColumnQualifier() {
      assertUnchanged("select users.x from products users");
    }
  }
}
