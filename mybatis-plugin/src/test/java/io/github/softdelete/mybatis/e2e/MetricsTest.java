package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.SoftDeleteMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code SoftDeleteMetrics} counts on a Micrometer registry: each call by outcome, the cache, the scopes. */
class MetricsTest {
  private static final String USERS = "io.github.softdelete.mybatis.e2e.UserMapper.";

  private final TestDatabase db = TestDatabase.create();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    db.close();
  }

  private double statements(String id, String outcome) {
    var counter = registry.find("softdelete.statements").tag("statement", USERS + id).tag("outcome", outcome)
        .counter();
    return counter == null ? 0 : counter.count();
  }

  private double scope(String scope) {
    return registry.get("softdelete.scopes").tag("scope", scope).functionCounter().count();
  }

  @Test
  void shouldCountEachCallByOutcomeTheCacheAndTheScopes() {
    SoftDeleteInterceptor interceptor = Plugins.softDelete();
    SoftDeleteMetrics.bind(interceptor, registry);
    double includeBefore = scope("IncludeDeleted");
    double hardBefore = scope("HardDelete");

    try (SqlSession session = db.factory(interceptor).openSession()) {
      UserMapper users = session.getMapper(UserMapper.class);
      users.names();
      session.clearCache();
      users.names();
      session.clearCache();
      IncludeDeleted.get(users::names);
      OnlyDeleted.get(users::names);
      users.rename(1, "ann2");
      assertThatThrownBy(users::truncate).hasCauseInstanceOf(SoftDeleteException.class);
      assertThatThrownBy(users::truncate).hasCauseInstanceOf(SoftDeleteException.class);
      HardDelete.run(() -> { });
      // audit_log mentions no soft table: not counted at all
      users.audit("seen");
      session.rollback();
    }

    // names: twice rewritten in the default mode, once unchanged (IncludeDeleted), once rewritten (OnlyDeleted)
    assertThat(statements("names", "rewritten")).isEqualTo(3);
    assertThat(statements("names", "unchanged")).isEqualTo(1);
    assertThat(statements("rename", "rewritten")).isEqualTo(1);
    assertThat(statements("truncate", "refused")).isEqualTo(2);
    assertThat(registry.find("softdelete.statements").tag("statement", USERS + "audit").counters()).isEmpty();
    assertThat(scope("IncludeDeleted") - includeBefore).isEqualTo(1);
    assertThat(scope("HardDelete") - hardBefore).isEqualTo(1);
    // names (3 modes), rename and truncate were each parsed once: the rest came from the caches
    assertThat(registry.get("softdelete.cache.misses").counter().count()).isEqualTo(5);
    assertThat(registry.get("softdelete.rewrite.cold").timer().count()).isEqualTo(5);
    // each of those five answers is held, an unchanged one and a refusal too
    assertThat(registry.get("softdelete.cache.size").gauge().value()).isEqualTo(5);
  }

  @Test
  void shouldCountNothingUntilARegistryIsBoundAndThenFromThere() {
    SoftDeleteInterceptor interceptor = Plugins.softDelete();
    try (SqlSession session = db.factory(interceptor).openSession()) {
      UserMapper users = session.getMapper(UserMapper.class);
      users.names();
      session.clearCache();

      SoftDeleteMetrics.bind(interceptor, registry);
      users.names();
    }

    assertThat(statements("names", "rewritten")).isEqualTo(1);
    // the cache made before the registry came is counted all the same
    assertThat(registry.get("softdelete.cache.size").gauge().value()).isEqualTo(1);
  }

  @Test
  void shouldCountTwoInterceptorsOnOneRegistryTogether() {
    SoftDeleteInterceptor first = Plugins.softDelete();
    SoftDeleteInterceptor second = Plugins.softDelete();
    SoftDeleteMetrics.bind(first, registry);
    SoftDeleteMetrics.bind(second, registry);

    for (SoftDeleteInterceptor interceptor : new SoftDeleteInterceptor[] {first, second}) {
      try (SqlSession session = db.factory(interceptor).openSession()) {
        session.getMapper(UserMapper.class).names();
      }
    }

    assertThat(statements("names", "rewritten")).isEqualTo(2);
    // both caches, one answer each
    assertThat(registry.get("softdelete.cache.size").gauge().value()).isEqualTo(2);
  }
}
