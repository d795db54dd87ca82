package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, bug 2: MyBatis runs nested selects, eager and lazy, past the plugin chain; softdelete filters them
 * without routing them through the application's own plugins, which see the calls they see without softdelete.
 */
class NestedSelectsPastApplicationPluginsTest {
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
  void shouldKeepNestedSelectsAwayFromPluginRegisteredBeforeSoftDelete() {
    QueryCounter alone = new QueryCounter();
    QueryCounter inside = new QueryCounter();
    runNestedSelects(db.factory(alone));

    List<Object> loaded = runNestedSelects(db.factory(inside, Plugins.softDelete()));

    // one eager and one lazy top-level query; their nested selects are MyBatis's own business
    assertThat(alone.queries()).isEqualTo(2);
    assertThat(inside.queries()).isEqualTo(alone.queries());
    assertThat(loaded).containsExactly(List.of(List.of(100, 250), List.of(), List.of(), List.of()), List.of());
  }

  @Test
  void shouldKeepNestedSelectsAwayFromPluginRegisteredAfterSoftDelete() {
    QueryCounter alone = new QueryCounter();
    QueryCounter outside = new QueryCounter();
    runNestedSelects(db.factory(alone));

    List<Object> loaded = runNestedSelects(db.factory(Plugins.softDelete(), outside));

    assertThat(alone.queries()).isEqualTo(2);
    assertThat(outside.queries()).isEqualTo(alone.queries());
    assertThat(loaded).containsExactly(List.of(List.of(100, 250), List.of(), List.of(), List.of()), List.of());
  }

  /** The amounts of every user (eager nested selects), then bob's order ids (a lazy one; his one order is deleted). */
  private static List<Object> runNestedSelects(SqlSessionFactory factory) {
    factory.getConfiguration().setLazyLoadingEnabled(true);
    try (SqlSession session = factory.openSession()) {
      OrderMapper orders = session.getMapper(OrderMapper.class);
      List<Map<String, Object>> users = orders.usersWithAmounts();
      List<Owner> owners = orders.owners();
      return List.of(users.stream().map(u -> u.get("amounts")).toList(),
          owners.get(1).getOrders().stream().map(OwnedOrder::getId).toList());
    }
  }
}
