package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.IncludeDeleted;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nested selects of result maps, eager and lazy, hide deleted rows like top-level queries: MyBatis runs them
 * on its own executor, past the plugin chain, unless the plugin routes them through itself.
 */
class NestedSelectTest {
  private TestDatabase db;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void shouldHideDeletedRowsFromNestedSelect() {
    SqlSessionFactory factory = db.factory(Plugins.softDelete());
    try (SqlSession session = factory.openSession()) {
      List<Map<String, Object>> users = session.getMapper(OrderMapper.class).usersWithAmounts();

      // bob's only order (12) is deleted
      assertThat(users).extracting(u -> u.get("name")).containsExactly("ann", "bob", "cid", "eve");
      assertThat(users).extracting(u -> u.get("amounts"))
          .containsExactly(List.of(100, 250), List.of(), List.of(), List.of());
    }
  }

  @Test
  void shouldHideDeletedRowsFromNestedSelectInsideIncludeDeletedOnlyWhenAsked() {
    SqlSessionFactory factory = db.factory(Plugins.softDelete());
    try (SqlSession session = factory.openSession()) {
      OrderMapper orders = session.getMapper(OrderMapper.class);

      List<Map<String, Object>> all = IncludeDeleted.get(orders::usersWithAmounts);
      List<Map<String, Object>> live = orders.usersWithAmounts();

      assertThat(all).extracting(u -> u.get("amounts"))
          .containsExactly(List.of(100, 250), List.of(75), List.of(), List.of(30), List.of());
      assertThat(live).extracting(u -> u.get("amounts"))
          .containsExactly(List.of(100, 250), List.of(), List.of(), List.of());
    }
  }

  @Test
  void shouldHideDeletedRowsFromLazyAndCircularNestedSelects() {
    SqlSessionFactory factory = db.factory(Plugins.softDelete());
    factory.getConfiguration().setLazyLoadingEnabled(true);
    try (SqlSession session = factory.openSession()) {
      List<Owner> owners = session.getMapper(OrderMapper.class).owners();
      db.execute("UPDATE orders SET deleted_at = CURRENT_TIMESTAMP WHERE id = 11");

      // loaded now, after order 11 was deleted; each order's owner is loaded again, and its orders again:
      // MyBatis stops the cycle by finding the running query in its local cache under the same key
      Owner ann = owners.get(0);
      List<OwnedOrder> annOrders = ann.getOrders();

      assertThat(owners).extracting(Owner::getName).containsExactly("ann", "bob", "cid", "eve");
      assertThat(annOrders).extracting(OwnedOrder::getId).containsExactly(10L);
      assertThat(annOrders.get(0).getOwner().getName()).isEqualTo("ann");
      assertThat(owners.get(1).getOrders()).isEmpty();
    }
  }

  @Test
  void shouldHideDeletedRowsFromNestedSelectWhenAnotherExecutorPluginIsInside() {
    // registered first, so its proxy sits between softdelete's executor and MyBatis's
    SqlSessionFactory factory = db.factory(new SixArgQueryCaller(), Plugins.softDelete());
    try (SqlSession session = factory.openSession()) {
      List<Map<String, Object>> users = session.getMapper(OrderMapper.class).usersWithAmounts();

      assertThat(users).extracting(u -> u.get("amounts"))
          .containsExactly(List.of(100, 250), List.of(), List.of(), List.of());
    }
  }
}
