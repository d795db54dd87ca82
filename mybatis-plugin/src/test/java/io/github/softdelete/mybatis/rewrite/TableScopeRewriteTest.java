package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.normalised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code IncludeDeleted.tables(...)}: the references to the tables listed read all their rows, at every depth,
 * while every other table keeps the mode; combined with each mode.
 */
class TableScopeRewriteTest {
  private static final SqlRewriter ENGINE = new SqlRewriter(
      SoftTables.of(List.of("orders", "products", "categories", "users")),
      SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP"));
  private static final String HISTORY =
      "SELECT o.id, p.name FROM orders o JOIN products p ON p.id = o.product_id WHERE o.user_id = ?";

  private static String rewrite(SoftDeleteMode mode, String sql, String... tables) {
    return ENGINE.rewrite(sql, mode, IncludeDeleted.tables(tables)).sql();
  }

  private static void assertRewrite(SoftDeleteMode mode, String sql, String expected, String... tables) {
    RewriteResult result = ENGINE.rewrite(sql, mode, IncludeDeleted.tables(tables));
    assertThat(result.changed()).as("changed").isTrue();
    assertThat(normalised(result.sql())).isEqualTo(normalised(expected));
  }

  private static void assertUnchanged(SoftDeleteMode mode, String sql, String... tables) {
    RewriteResult result = ENGINE.rewrite(sql, mode, IncludeDeleted.tables(tables));
    assertThat(result.changed()).as("changed").isFalse();
    assertThat(result.sql()).isSameAs(sql);
  }

  @Nested
  class Selects {
    @Test
    void shouldReadAllRowsOfTheListedTableAndLiveRowsOfTheOthers() {
      assertRewrite(SoftDeleteMode.DEFAULT, HISTORY,
          "SELECT o.id, p.name FROM orders o JOIN products p ON p.id = o.product_id"
              + " WHERE (o.user_id = ?) AND o.deleted_at IS NULL",
          "products");
    }

    @Test
    void shouldFilterTheListedTableNoLongerOutsideTheScope() {
      assertThat(normalised(ENGINE.rewrite(HISTORY, SoftDeleteMode.DEFAULT).sql())).isEqualTo(normalised(
          "SELECT o.id, p.name FROM orders o JOIN products p ON (p.id = o.product_id) AND p.deleted_at IS NULL"
              + " WHERE (o.user_id = ?) AND o.deleted_at IS NULL"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"products", "PRODUCTS", "\"products\"", "Products", "`products`"})
    void shouldMatchTheNameAsSoftTablesMatch(String listed) {
      assertRewrite(SoftDeleteMode.DEFAULT,
          "SELECT * FROM orders o JOIN \"Products\" p ON p.id = o.product_id JOIN PRODUCTS q ON q.id = o.spare_id"
              + " JOIN shop.products r ON r.id = o.third_id",
          "SELECT * FROM orders o JOIN \"Products\" p ON p.id = o.product_id JOIN PRODUCTS q ON q.id = o.spare_id"
              + " JOIN shop.products r ON r.id = o.third_id WHERE o.deleted_at IS NULL",
          listed);
    }

    @Test
    void shouldMatchASchemaQualifiedNameInItsSchemaAndUnqualifiedOnly() {
      assertRewrite(SoftDeleteMode.DEFAULT,
          "SELECT * FROM shop.products a JOIN products b ON b.id = a.id JOIN other.products c ON c.id = a.id",
          "SELECT * FROM shop.products a JOIN products b ON b.id = a.id"
              + " JOIN other.products c ON (c.id = a.id) AND c.deleted_at IS NULL",
          "SHOP.\"Products\"");
    }

    @Test
    void shouldNotTakeAPrefixOrSuffixForTheName() {
      SqlRewriter engine = new SqlRewriter(SoftTables.of(List.of("products", "products_archive")),
          SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP"));

      String sql = "SELECT * FROM products_archive a JOIN products p ON p.id = a.id";

      assertThat(normalised(engine.rewrite(sql, SoftDeleteMode.DEFAULT, IncludeDeleted.tables("products")).sql()))
          .isEqualTo(normalised("SELECT * FROM products_archive a JOIN products p ON p.id = a.id"
              + " WHERE a.deleted_at IS NULL"));
    }

    @Test
    void shouldReadAllRowsAtEveryDepth() {
      assertRewrite(SoftDeleteMode.DEFAULT,
          "WITH cheap AS (SELECT id FROM products WHERE price < 10)"
              + " SELECT o.id, (SELECT name FROM products x WHERE x.id = o.product_id) AS name"
              + " FROM orders o, (SELECT id FROM products) d"
              + " WHERE o.product_id IN (SELECT id FROM cheap) AND EXISTS (SELECT 1 FROM products e WHERE e.id = d.id)"
              + " UNION SELECT id, name FROM products",
          "WITH cheap AS (SELECT id FROM products WHERE price < 10)"
              + " SELECT o.id, (SELECT name FROM products x WHERE x.id = o.product_id) AS name"
              + " FROM orders o, (SELECT id FROM products) d"
              + " WHERE (o.product_id IN (SELECT id FROM cheap) AND EXISTS (SELECT 1 FROM products e WHERE e.id = d.id))"
              + " AND o.deleted_at IS NULL"
              + " UNION SELECT id, name FROM products",
          "products");
    }

    @Test
    void shouldLeaveAStatementOfListedTablesOnlyAsWritten() {
      assertUnchanged(SoftDeleteMode.DEFAULT, "SELECT * FROM products p LEFT JOIN categories c ON c.id = p.category_id",
          "products", "categories");
    }

    @Test
    void shouldChangeNothingForATableThatIsNotSoft() {
      assertThat(rewrite(SoftDeleteMode.DEFAULT, HISTORY, "audit_log"))
          .isEqualTo(ENGINE.rewrite(HISTORY, SoftDeleteMode.DEFAULT).sql());
    }

    @Test
    void shouldNotOpenACteThatHidesTheListedTablesName() {
      assertRewrite(SoftDeleteMode.DEFAULT,
          "WITH products AS (SELECT * FROM orders) SELECT * FROM products",
          "WITH products AS (SELECT * FROM orders WHERE orders.deleted_at IS NULL) SELECT * FROM products",
          "products");
    }
  }

  @Nested
  class Writes {
    @Test
    void shouldLetAnUpdateOfTheListedTableReachItsDeletedRows() {
      assertUnchanged(SoftDeleteMode.DEFAULT, "UPDATE products SET price = ? WHERE id = ?", "products");
    }

    @Test
    void shouldReadAllRowsOfTheListedTableInTheSubqueriesOfAnUpdate() {
      assertRewrite(SoftDeleteMode.DEFAULT,
          "UPDATE orders SET note = 'discontinued' WHERE product_id IN (SELECT id FROM products WHERE stock = 0)",
          "UPDATE orders SET note = 'discontinued' WHERE (product_id IN (SELECT id FROM products WHERE stock = 0))"
              + " AND deleted_at IS NULL",
          "products");
    }

    @Test
    void shouldStillMarkLiveRowsOnDeleteOfTheListedTable() {
      assertRewrite(SoftDeleteMode.DEFAULT, "DELETE FROM products WHERE id = ?",
          "UPDATE products SET deleted_at = CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NULL", "products");
    }

    @Test
    void shouldReadAllRowsOfTheListedTableInTheSubqueriesOfADelete() {
      assertRewrite(SoftDeleteMode.DEFAULT,
          "DELETE FROM orders WHERE product_id IN (SELECT id FROM products WHERE stock = 0)",
          "UPDATE orders SET deleted_at = CURRENT_TIMESTAMP"
              + " WHERE (product_id IN (SELECT id FROM products WHERE stock = 0)) AND deleted_at IS NULL",
          "products");
    }

    @Test
    void shouldReadAllRowsOfTheListedTableInTheSelectOfAnInsert() {
      assertRewrite(SoftDeleteMode.DEFAULT,
          "INSERT INTO orders (id, product_id) SELECT id + 100, id FROM products WHERE id NOT IN (SELECT product_id FROM orders)",
          "INSERT INTO orders (id, product_id) SELECT id + 100, id FROM products"
              + " WHERE id NOT IN (SELECT product_id FROM orders WHERE orders.deleted_at IS NULL)",
          "products");
    }

    @Test
    void shouldStillRefuseTruncateOfTheListedTable() {
      RewriteRefusedException refused = catchThrowableOfType(RewriteRefusedException.class,
          () -> rewrite(SoftDeleteMode.DEFAULT, "TRUNCATE TABLE products", "products"));

      assertThat(refused).isNotNull();
      assertThat(refused.table()).isEqualTo("products");
    }

    @Test
    void shouldRunAnUpsertOnTheListedTableAsIncludeDeletedDoes() {
      SqlRewriter postgres = ENGINE.withDialect(Dialect.POSTGRESQL);
      String upsert = "INSERT INTO products (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name";

      RewriteResult scoped = postgres.rewrite(upsert, SoftDeleteMode.DEFAULT, IncludeDeleted.tables("products"));
      RewriteResult includeDeleted = postgres.rewrite(upsert, SoftDeleteMode.INCLUDE_DELETED);
      RewriteResult outside = postgres.rewrite(upsert, SoftDeleteMode.DEFAULT);

      assertThat(scoped.sql()).isSameAs(upsert).isEqualTo(includeDeleted.sql());
      assertThat(outside.changed()).isTrue();
    }
  }

  @Nested
  class Merges {
    private final SqlRewriter h2 = ENGINE.withDialect(Dialect.H2);

    @Test
    void shouldRunAMergeIntoTheListedTableAsIncludeDeletedDoes() {
      String merge = "MERGE INTO products p USING (SELECT ? AS id, ? AS name) s ON p.id = s.id"
          + " WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)";

      RewriteResult scoped = h2.rewrite(merge, SoftDeleteMode.DEFAULT, IncludeDeleted.tables("products"));

      assertThat(scoped.sql()).isSameAs(merge).isSameAs(h2.rewrite(merge, SoftDeleteMode.INCLUDE_DELETED).sql());
      // outside, it would revive a deleted row it meets, which needs the primary key this engine is not told
      assertThat(catchThrowableOfType(RewriteRefusedException.class,
          () -> h2.rewrite(merge, SoftDeleteMode.DEFAULT)).table()).isEqualTo("products");
    }

    @Test
    void shouldStillMarkLiveRowsOnlyInAMergesDeleteOfTheListedTable() {
      RewriteResult scoped = h2.rewrite("MERGE INTO products p USING orders o ON p.id = o.product_id"
          + " WHEN MATCHED AND o.quantity = 0 THEN DELETE", SoftDeleteMode.DEFAULT, IncludeDeleted.tables("products"));

      // the source, orders, is not listed: live orders only
      assertThat(normalised(scoped.sql())).isEqualTo(normalised("MERGE INTO products p"
          + " USING (SELECT * FROM orders WHERE deleted_at IS NULL) o ON p.id = o.product_id"
          + " WHEN MATCHED AND (o.quantity = 0) AND p.deleted_at IS NULL THEN UPDATE SET deleted_at = CURRENT_TIMESTAMP"));
    }
  }

  @Nested
  class WithTheModes {
    @Test
    void shouldShowTheTrashOfTheEntityWithAllRowsOfTheListedRelation() {
      assertRewrite(SoftDeleteMode.ONLY_DELETED, HISTORY,
          "SELECT o.id, p.name FROM orders o JOIN products p ON p.id = o.product_id"
              + " WHERE (o.user_id = ?) AND o.deleted_at IS NOT NULL",
          "products");
    }

    @Test
    void shouldKeepTheTrashOfTheEntityWhenTheEntityItselfIsListed() {
      assertRewrite(SoftDeleteMode.ONLY_DELETED, HISTORY,
          "SELECT o.id, p.name FROM orders o JOIN products p ON (p.id = o.product_id) AND p.deleted_at IS NULL"
              + " WHERE (o.user_id = ?) AND o.deleted_at IS NOT NULL",
          "orders");
    }

    @Test
    void shouldShowDeletedCategoriesWithTheirParentDeletedOrNot() {
      assertRewrite(SoftDeleteMode.ONLY_DELETED,
          "SELECT c.name, parent.name FROM categories c LEFT JOIN categories parent ON parent.id = c.parent_id",
          "SELECT c.name, parent.name FROM categories c LEFT JOIN categories parent ON parent.id = c.parent_id"
              + " WHERE c.deleted_at IS NOT NULL",
          "categories");
    }

    @Test
    void shouldKeepTheUpdateOfOnlyDeletedOnDeletedRowsOfItsTarget() {
      assertRewrite(SoftDeleteMode.ONLY_DELETED,
          "UPDATE products SET name = ? WHERE id IN (SELECT product_id FROM orders)",
          "UPDATE products SET name = ? WHERE (id IN (SELECT product_id FROM orders))"
              + " AND deleted_at IS NOT NULL",
          "products", "orders");
    }

    @Test
    void shouldReadAllRowsOfTheListedTableInWhatAHardDeleteReads() {
      assertRewrite(SoftDeleteMode.HARD_DELETE,
          "DELETE FROM orders WHERE product_id IN (SELECT id FROM products) AND user_id IN (SELECT id FROM users)",
          "DELETE FROM orders WHERE product_id IN (SELECT id FROM products)"
              + " AND user_id IN (SELECT id FROM users WHERE users.deleted_at IS NULL)",
          "products");
    }

    @Test
    void shouldRestoreDeletedRowsOnlyInUndeleteAndReadAllRowsOfTheListedTable() {
      assertRewrite(SoftDeleteMode.UNDELETE,
          "DELETE FROM orders WHERE product_id IN (SELECT id FROM products)",
          "UPDATE orders SET deleted_at = NULL WHERE (product_id IN (SELECT id FROM products))"
              + " AND deleted_at IS NOT NULL",
          "products", "orders");
    }

    @Test
    void shouldChangeNothingInsideIncludeDeleted() {
      assertUnchanged(SoftDeleteMode.INCLUDE_DELETED, HISTORY, "products");
    }
  }
}
