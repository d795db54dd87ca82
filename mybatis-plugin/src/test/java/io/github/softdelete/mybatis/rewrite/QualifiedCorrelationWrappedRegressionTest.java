package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertRewrite;

import org.junit.jupiter.api.Test;

/**
 * Regression, bug "qualified correlation wrapped": when a DELETE's target had a schema and no alias, a
 * subquery on the same table that referred to the outer row ({@code db.users.manager_id}) was not seen as
 * correlated and was moved into a derived table, where MySQL and MariaDB cannot see the outer row
 * ("Unknown column"). Only the table's own name counts when matching the target, as on the column side.
 */
class QualifiedCorrelationWrappedRegressionTest {

  @Test
  void shouldLeaveSubqueryCorrelatedThroughSchemaQualifiedNameInPlace() {
    assertRewrite("DELETE FROM db.users WHERE EXISTS (SELECT 1 FROM db.users m WHERE m.id = db.users.manager_id)",
        "UPDATE db.users SET deleted_at = CURRENT_TIMESTAMP WHERE (EXISTS (SELECT 1 FROM db.users m"
            + " WHERE (m.id = db.users.manager_id) AND m.deleted_at IS NULL)) AND deleted_at IS NULL");
  }

  @Test
  void shouldLeaveSubqueryCorrelatedThroughBareNameOfSchemaQualifiedTargetInPlace() {
    assertRewrite("DELETE FROM `db`.`users` WHERE EXISTS (SELECT 1 FROM users m WHERE m.id = users.manager_id)",
        "UPDATE `db`.`users` SET deleted_at = CURRENT_TIMESTAMP WHERE (EXISTS (SELECT 1 FROM users m"
            + " WHERE (m.id = users.manager_id) AND m.deleted_at IS NULL)) AND deleted_at IS NULL");
  }

  @Test
  void shouldStillMaterialiseUncorrelatedSubqueryOnSchemaQualifiedTarget() {
    assertRewrite("DELETE FROM db.users WHERE manager_id IN (SELECT id FROM db.users WHERE name LIKE 'a%')",
        "UPDATE db.users SET deleted_at = CURRENT_TIMESTAMP WHERE (manager_id IN (SELECT * FROM"
            + " (SELECT id FROM db.users WHERE (name LIKE 'a%') AND db.users.deleted_at IS NULL)"
            + " softdelete_snapshot)) AND deleted_at IS NULL");
  }
}
