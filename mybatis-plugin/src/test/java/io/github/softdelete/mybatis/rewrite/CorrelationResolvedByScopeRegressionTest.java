package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertRewrite;

import org.junit.jupiter.api.Test;

/**
 * Issue 13, bug 3 "correlated self-referencing DELETE, resolved by scope": a subquery that referred to the row
 * being deleted ({@code users.manager_id}) while an inner query block named the same table again, spelled
 * otherwise ({@code FROM USERS}), was taken as uncorrelated and moved into a derived table, where the
 * outer row is out of reach and the database rejected the statement. A qualifier now resolves to the nearest
 * enclosing block that declares it, as in SQL.
 */
class CorrelationResolvedByScopeRegressionTest {

  @Test
  void shouldLeaveSubqueryInPlaceWhenOnlyAnInnerBlockNamesTheCorrelatedTableAgain() {
    assertRewrite("DELETE FROM public.USERS WHERE EXISTS (SELECT 1 FROM users m WHERE m.id = users.manager_id"
            + " AND m.id IN (SELECT manager_id FROM USERS WHERE name LIKE 'a%'))",
        "UPDATE public.USERS SET deleted_at = CURRENT_TIMESTAMP WHERE (EXISTS (SELECT 1 FROM users m"
            + " WHERE (m.id = users.manager_id AND m.id IN (SELECT manager_id FROM USERS"
            + " WHERE (name LIKE 'a%') AND USERS.deleted_at IS NULL)) AND m.deleted_at IS NULL))"
            + " AND deleted_at IS NULL");
  }

  @Test
  void shouldLeaveSubqueryInPlaceWhenOnlyADerivedTableNamesTheAliasedTargetAgain() {
    assertRewrite("DELETE FROM users u WHERE EXISTS (SELECT 1 FROM (SELECT id FROM users u) m"
            + " WHERE m.id = u.manager_id)",
        "UPDATE users u SET deleted_at = CURRENT_TIMESTAMP WHERE (EXISTS (SELECT 1 FROM (SELECT id FROM users u"
            + " WHERE u.deleted_at IS NULL) m WHERE m.id = u.manager_id)) AND deleted_at IS NULL");
  }

  @Test
  void shouldStillSnapshotSubqueryWhoseQualifierNamesItsOwnBlock() {
    assertRewrite("DELETE FROM public.USERS WHERE manager_id IN (SELECT id FROM \"users\""
            + " WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = users.id))",
        "UPDATE public.USERS SET deleted_at = CURRENT_TIMESTAMP WHERE (manager_id IN (SELECT * FROM"
            + " (SELECT id FROM \"users\" WHERE (EXISTS (SELECT 1 FROM orders o WHERE (o.user_id = users.id)"
            + " AND o.deleted_at IS NULL)) AND \"users\".deleted_at IS NULL) softdelete_snapshot))"
            + " AND deleted_at IS NULL");
  }
}
