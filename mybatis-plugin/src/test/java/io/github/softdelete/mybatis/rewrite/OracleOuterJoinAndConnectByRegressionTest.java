package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.ENGINE;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertRewrite;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, bug 4 "Oracle-style outer joins and hierarchical queries": {@code u.id = o.user_id(+)} got
 * {@code AND o.deleted_at IS NULL} in WHERE, which made the outer join an inner one, and {@code CONNECT BY}
 * got its filter in WHERE, which Oracle applies after the walk, so the walk passed through deleted rows.
 * Those references now take the live view itself, {@code (SELECT * FROM t WHERE <live>) t}. No Oracle runs
 * here, and H2 runs neither form: the SQL is checked, the rows are not.
 */
class OracleOuterJoinAndConnectByRegressionTest {

  @Test
  void shouldKeepOracleOuterJoinOuterByFilteringItsTablesAsLiveViews() {
    String sql = "SELECT u.name, o.amount FROM users u, orders o, tags t WHERE u.id = o.user_id(+) AND t.id = u.id";

    assertRewrite(sql, "SELECT u.name, o.amount FROM (SELECT * FROM users WHERE deleted_at IS NULL) u,"
        + " (SELECT * FROM orders WHERE deleted_at IS NULL) o, tags t WHERE u.id = o.user_id(+) AND t.id = u.id");
    assertThat(ENGINE.rewrite(sql, SoftDeleteMode.DEFAULT).sql()).contains("o.user_id(+)");
  }

  @Test
  void shouldLeaveTablesOutsideTheOracleOuterJoinFilteredInWhere() {
    assertRewrite("SELECT u.name FROM users u, order_items i, orders o WHERE i.order_id = o.id"
            + " AND o.amount(+) > 5 AND u.id = i.user_id",
        "SELECT u.name FROM users u, order_items i, (SELECT * FROM orders WHERE deleted_at IS NULL) o"
            + " WHERE (i.order_id = o.id AND o.amount(+) > 5 AND u.id = i.user_id) AND u.deleted_at IS NULL"
            + " AND i.deleted_at IS NULL");
  }

  @Test
  void shouldFilterEveryTableAsLiveViewWhenTheOracleOuterJoinHasAnUnqualifiedColumn() {
    assertRewrite("SELECT name FROM users, orders WHERE users.id = user_id(+)",
        "SELECT name FROM (SELECT * FROM users WHERE deleted_at IS NULL) users,"
            + " (SELECT * FROM orders WHERE deleted_at IS NULL) orders WHERE users.id = user_id(+)");
  }

  @Test
  void shouldRefuseOracleOuterJoinMarkerTheParserDrops() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT,
        "SELECT u.name FROM users u, orders o WHERE u.id(+) = o.user_id(+)");

    assertThat(refused.table()).isEqualTo("users");
    assertThat(refused.reason()).isEqualTo("the SQL parser does not keep every Oracle outer join marker (+) of"
        + " the statement, so its joins would change; write the join as LEFT JOIN ... ON");
  }

  @Test
  void shouldWalkConnectByHierarchyOverLiveRowsOnly() {
    assertRewrite("SELECT id, name, LEVEL FROM users WHERE name LIKE 'a%' START WITH manager_id IS NULL"
            + " CONNECT BY PRIOR id = manager_id ORDER SIBLINGS BY name",
        "SELECT id, name, LEVEL FROM (SELECT * FROM users WHERE deleted_at IS NULL) users WHERE name LIKE 'a%'"
            + " START WITH manager_id IS NULL CONNECT BY PRIOR id = manager_id ORDER SIBLINGS BY name");
  }

  @Test
  void shouldFilterConnectByJoinsBeforeTheWalkAndItsSubqueries() {
    assertRewrite("SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id, order_items i"
            + " WHERE i.order_id = o.id START WITH u.id IN (SELECT user_id FROM orders WHERE amount > 5)"
            + " CONNECT BY NOCYCLE PRIOR u.id = u.manager_id",
        "SELECT u.id FROM (SELECT * FROM users WHERE deleted_at IS NULL) u JOIN orders o"
            + " ON (o.user_id = u.id) AND o.deleted_at IS NULL,"
            + " (SELECT * FROM order_items WHERE deleted_at IS NULL) i WHERE i.order_id = o.id"
            + " START WITH u.id IN (SELECT user_id FROM orders WHERE (amount > 5) AND orders.deleted_at IS NULL)"
            + " CONNECT BY NOCYCLE PRIOR u.id = u.manager_id");
  }
}
