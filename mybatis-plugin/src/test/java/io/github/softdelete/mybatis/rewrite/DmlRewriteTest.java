package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertRewrite;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertUnchanged;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** DELETE, UPDATE and INSERT shapes. Soft tables: users, orders, order_items. */
class DmlRewriteTest {

  @Nested
  class Deletes {
    @Test
    void shouldTurnDeleteIntoMarkingUpdate() {
      assertRewrite("delete from users where id = ?",
          "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NULL");
    }

    @Test
    void shouldMarkOnlyLiveRowsWhenDeleteHasNoWhere() {
      assertRewrite("delete from orders",
          "UPDATE orders SET deleted_at = CURRENT_TIMESTAMP WHERE deleted_at IS NULL");
    }

    @Test
    void shouldKeepAliasOfDeleteTarget() {
      assertRewrite("delete from users u where u.id = ? or u.name = ?",
          "UPDATE users u SET deleted_at = CURRENT_TIMESTAMP WHERE (u.id = ? OR u.name = ?) AND deleted_at IS NULL");
    }

    @Test
    void shouldFilterSubqueryOnOtherTableInDelete() {
      assertRewrite("delete from orders where user_id in (select id from users where name = ?)",
          "UPDATE orders SET deleted_at = CURRENT_TIMESTAMP WHERE (user_id IN"
              + " (SELECT id FROM users WHERE (name = ?) AND users.deleted_at IS NULL)) AND deleted_at IS NULL");
    }

    @Test
    void shouldMaterialiseSubqueryOnDeletedTableItself() {
      assertRewrite("delete from users where manager_id in (select id from users where name = ?)",
          "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (manager_id IN (SELECT * FROM"
              + " (SELECT id FROM users WHERE (name = ?) AND users.deleted_at IS NULL) softdelete_snapshot))"
              + " AND deleted_at IS NULL");
    }

    @Test
    void shouldMaterialiseSubqueryOnDeletedTableItselfInAParenthesisedWhere() {
      // a parenthesised WHERE is a list node: the walk that finds the subquery must open it
      assertRewrite("delete from users where (manager_id in (select id from users where name = ?))",
          "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (manager_id IN (SELECT * FROM"
              + " (SELECT id FROM users WHERE (name = ?) AND users.deleted_at IS NULL) softdelete_snapshot))"
              + " AND deleted_at IS NULL");
    }

    @Test
    void shouldNotMaterialiseCorrelatedSubqueryOnDeletedTable() {
      assertRewrite("delete from users where exists (select 1 from users m where m.id = users.manager_id)",
          "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (EXISTS (SELECT 1 FROM users m"
              + " WHERE (m.id = users.manager_id) AND m.deleted_at IS NULL)) AND deleted_at IS NULL");
    }

    @Test
    void shouldKeepOrderByAndLimitOfDelete() {
      assertRewrite("delete from orders where amount < 5 order by id limit 10",
          "UPDATE orders SET deleted_at = CURRENT_TIMESTAMP WHERE (amount < 5) AND deleted_at IS NULL"
              + " ORDER BY id LIMIT 10");
    }

    @Test
    void shouldKeepReturningOfDelete() {
      assertRewrite("delete from orders where id = ? returning id, amount",
          "UPDATE orders SET deleted_at = CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NULL RETURNING id, amount");
    }

    @Test
    void shouldFilterJoinedTablesOfDeleteOnNonSoftTable() {
      assertRewrite("delete from products where sku in (select sku from orders)",
          "DELETE FROM products WHERE sku IN (SELECT sku FROM orders WHERE orders.deleted_at IS NULL)");
    }

    @Test
    void shouldTurnMysqlMultiTableDeleteIntoJoinedUpdate() {
      assertRewrite("delete o from orders o join users u on u.id = o.user_id where u.name = ?",
          "UPDATE orders o JOIN users u ON (u.id = o.user_id) AND u.deleted_at IS NULL"
              + " SET o.deleted_at = CURRENT_TIMESTAMP WHERE (u.name = ?) AND o.deleted_at IS NULL");
    }

    @Test
    void shouldMarkEveryTargetOfMysqlDeleteOfTwoTables() {
      assertRewrite("delete o, i from orders o join order_items i on i.order_id = o.id where o.id = ?",
          "UPDATE orders o JOIN order_items i ON i.order_id = o.id"
              + " SET o.deleted_at = CURRENT_TIMESTAMP, i.deleted_at = CURRENT_TIMESTAMP"
              + " WHERE (o.id = ?) AND o.deleted_at IS NULL AND i.deleted_at IS NULL");
    }

    @Test
    void shouldTurnPostgresDeleteUsingIntoUpdateFrom() {
      assertRewrite("delete from orders o using users u where u.id = o.user_id and u.name = ?",
          "UPDATE orders o SET deleted_at = CURRENT_TIMESTAMP FROM users u"
              + " WHERE (u.id = o.user_id AND u.name = ?) AND u.deleted_at IS NULL AND o.deleted_at IS NULL");
    }

    @Test
    void shouldKeepDeleteOfNonSoftTableJoinedToSoftTableAndFilterTheJoin() {
      assertRewrite("delete p from products p join orders o on o.sku = p.sku",
          "DELETE p FROM products p JOIN orders o ON (o.sku = p.sku) AND o.deleted_at IS NULL");
    }

    @Test
    void shouldWriteConfiguredDeletedValue() {
      SqlRewriter engine = new SqlRewriter(SoftTables.of(List.of("users")), SoftDeleteMarker.of("removed", "0", "1"));
      assertRewrite(engine, SoftDeleteMode.DEFAULT, "delete from users where id = 7",
          "UPDATE users SET removed = 1 WHERE (id = 7) AND removed = 0");
    }

    @Test
    void shouldWriteRowIdAsDeletionToken() {
      SqlRewriter engine = new SqlRewriter(SoftTables.of(List.of("users")),
          SoftDeleteMarker.of("deleted_token", "0", "id"));
      assertRewrite(engine, SoftDeleteMode.DEFAULT, "delete from users where email = ?",
          "UPDATE users SET deleted_token = id WHERE (email = ?) AND deleted_token = 0");
    }
  }

  @Nested
  class Updates {
    @Test
    void shouldLeaveDeletedRowsAloneInUpdate() {
      assertRewrite("update users set name = ? where id = ?",
          "UPDATE users SET name = ? WHERE (id = ?) AND deleted_at IS NULL");
    }

    @Test
    void shouldGuardUpdateWithoutWhere() {
      assertRewrite("update orders set status = 'x'",
          "UPDATE orders SET status = 'x' WHERE deleted_at IS NULL");
    }

    @Test
    void shouldFilterSubqueryInSetClause() {
      assertRewrite("update products set sold = (select count(*) from orders o where o.sku = products.sku)",
          "UPDATE products SET sold = (SELECT count(*) FROM orders o WHERE (o.sku = products.sku) AND o.deleted_at IS NULL)");
    }

    @Test
    void shouldFilterSubqueryInWhereOfUpdate() {
      assertRewrite("update orders set status = 'vip' where user_id in (select id from users where name = ?)",
          "UPDATE orders SET status = 'vip' WHERE (user_id IN (SELECT id FROM users WHERE (name = ?)"
              + " AND users.deleted_at IS NULL)) AND deleted_at IS NULL");
    }

    @Test
    void shouldFilterPostgresUpdateFrom() {
      assertRewrite("update orders o set status = 'x' from users u where u.id = o.user_id",
          "UPDATE orders o SET status = 'x' FROM users u WHERE (u.id = o.user_id) AND u.deleted_at IS NULL"
              + " AND o.deleted_at IS NULL");
    }

    @Test
    void shouldFilterMysqlMultiTableUpdate() {
      assertRewrite("update orders o join users u on u.id = o.user_id set o.status = u.name",
          "UPDATE orders o JOIN users u ON (u.id = o.user_id) AND u.deleted_at IS NULL SET o.status = u.name"
              + " WHERE o.deleted_at IS NULL");
    }
  }

  @Nested
  class Inserts {
    @Test
    void shouldLeaveInsertValuesUnchanged() {
      assertUnchanged("insert into users (id, name) values (?, ?)");
    }

    @Test
    void shouldFilterSelectOfInsertSelect() {
      assertRewrite("insert into users_archive (id, name) select id, name from users where id = ?",
          "INSERT INTO users_archive (id, name) SELECT id, name FROM users WHERE (id = ?) AND users.deleted_at IS NULL");
    }

    @Test
    void shouldFilterSubqueryInInsertValues() {
      assertRewrite("insert into audit_log (n) values ((select count(*) from users))",
          "INSERT INTO audit_log (n) VALUES ((SELECT count(*) FROM users WHERE users.deleted_at IS NULL))");
    }

    @Test
    void shouldFilterInsertSelectWithUnion() {
      assertRewrite("insert into users_archive select id, name from users union select id, name from users_archive",
          "INSERT INTO users_archive SELECT id, name FROM users WHERE users.deleted_at IS NULL"
              + " UNION SELECT id, name FROM users_archive");
    }
  }
}
