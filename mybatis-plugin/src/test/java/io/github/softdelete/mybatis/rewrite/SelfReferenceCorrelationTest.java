package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertRewrite;

import org.junit.jupiter.api.Test;

/** Found by the fuzz tests (H2, seed 501000154): a DELETE whose correlated subquery reads its own table. */
class SelfReferenceCorrelationTest {

  /**
   * Regression: the RIGHT JOIN's soft table became a live view {@code (SELECT * FROM users ...)}, whose inner
   * {@code users} made the outer reference {@code users.k} look local; the correlated subquery was moved into a
   * derived table where {@code users.k} does not exist, and the database rejected the statement.
   */
  @Test
  void shouldNotSnapshotACorrelatedSubqueryWhoseRightJoinedSoftTableBecomesALiveView() {
    assertRewrite("DELETE FROM users WHERE users.id <> (SELECT MIN(t1.id) FROM users t1 RIGHT JOIN tags t2"
            + " ON t2.k = t1.id WHERE t2.id < users.k)",
        "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (users.id <> (SELECT MIN(t1.id) FROM"
            + " (SELECT * FROM users WHERE deleted_at IS NULL) t1 RIGHT JOIN tags t2 ON t2.k = t1.id"
            + " WHERE t2.id < users.k)) AND deleted_at IS NULL");
  }
}
