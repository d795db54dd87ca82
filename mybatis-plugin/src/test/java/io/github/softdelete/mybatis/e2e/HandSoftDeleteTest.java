package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.sql.Timestamp;
import java.util.Properties;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application that soft-deletes by hand keeps working with softdelete attached (explicitMarker=respect):
 * its trash, restore, soft delete and whole-row update do what it wrote; what it forgot is filtered.
 * Users: ann 1, bob 2, cid 3, dee 4 (deleted), eve 5; bob's order 12 is deleted.
 */
class HandSoftDeleteTest {
  private TestDatabase db;
  private SqlSession session;
  private HandSoftDeleteMapper mapper;

  @BeforeEach
  void openSession() {
    db = TestDatabase.create();
    session = factory(Plugins.softDelete()).openSession(true);
    mapper = session.getMapper(HandSoftDeleteMapper.class);
  }

  private SqlSessionFactory factory(SoftDeleteInterceptor interceptor) {
    SqlSessionFactory factory = db.factory(interceptor);
    factory.getConfiguration().addMapper(HandSoftDeleteMapper.class);
    return factory;
  }

  @AfterEach
  void close() {
    session.close();
    db.close();
  }

  @Test
  void shouldListTheApplicationsOwnTrash() {
    assertThat(mapper.trash()).containsExactly("dee");
    assertThat(mapper.live()).containsExactly("ann", "bob", "cid", "eve");
  }

  @Test
  void shouldShowTheOwnTrashInOnlyDeletedToo() {
    assertThat(OnlyDeleted.get(mapper::trash)).containsExactly("dee");
  }

  @Test
  void shouldRestoreWithTheApplicationsOwnUpdate() {
    int restored = mapper.restore(4);

    assertThat(restored).isEqualTo(1);
    assertThat(mapper.everyName()).containsExactly("ann", "bob", "cid", "dee", "eve");
  }

  @Test
  void shouldSoftDeleteWithTheApplicationsOwnUpdate() {
    int deleted = mapper.softDelete(1);

    assertThat(deleted).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE id = 1 AND deleted_at IS NOT NULL")).isEqualTo(1);
    assertThat(mapper.everyName()).containsExactly("bob", "cid", "eve");
    assertThat(mapper.trash()).containsExactly("ann", "dee");
  }

  @Test
  void shouldUpdateTheWholeRowOfADeletedRow() {
    int updated = mapper.updateByPrimaryKey(4, "dora", null);

    assertThat(updated).isEqualTo(1);
    assertThat(mapper.everyName()).containsExactly("ann", "bob", "cid", "dora", "eve");
  }

  @Test
  void shouldWriteTheMarkerAWholeRowUpdateCarries() {
    int updated = mapper.updateByPrimaryKey(1, "ann", Timestamp.valueOf("2026-02-01 00:00:00"));

    assertThat(updated).isEqualTo(1);
    assertThat(mapper.trash()).containsExactly("ann", "dee");
  }

  @Test
  void shouldStillFilterWhatTheApplicationForgot() {
    assertThat(mapper.everyName()).containsExactly("ann", "bob", "cid", "eve");
    assertThat(mapper.rename(4, "dora")).isZero();
    assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE name = 'dora'")).isZero();
  }

  @Test
  void shouldFilterTheForgottenSideOfAJoinAndLeaveTheConstrainedOne() {
    db.execute("UPDATE orders SET deleted_at = CURRENT_TIMESTAMP WHERE id = 13");

    // dee's order 13 is deleted now too, but dee herself is deleted: only bob is left
    assertThat(mapper.namesWithDeletedOrders()).containsExactly("bob");
  }

  @Test
  void shouldFilterTheApplicationsOwnTrashAwayWithExplicitMarkerFilter() {
    Properties properties = new Properties();
    properties.setProperty("tables", "users,orders");
    properties.setProperty("explicitMarker", "filter");
    try (SqlSession filtering = factory(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)))
        .openSession(true)) {
      HandSoftDeleteMapper filtered = filtering.getMapper(HandSoftDeleteMapper.class);

      assertThat(filtered.trash()).isEmpty();
      assertThat(filtered.restore(4)).isZero();
    }
  }
}
