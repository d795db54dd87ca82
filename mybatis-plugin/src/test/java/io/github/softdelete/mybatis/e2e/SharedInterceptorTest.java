package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.scripting.defaults.RawSqlSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One interceptor serving two Configurations, as the agent's does: statements of the same id but other SQL
 * each run their own SQL, however the calls interleave. The interceptor remembers what it decided per
 * statement id, so this is what tells one Configuration's statement from the other's.
 */
class SharedInterceptorTest {
  private TestDatabase db;
  private SqlSessionFactory first;
  private SqlSessionFactory second;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    SoftDeleteInterceptor shared = Plugins.softDelete();
    first = db.factory(shared);
    second = db.factory(shared);
    addStatement(first, "shared.read", SqlCommandType.SELECT, "SELECT name FROM users ORDER BY id");
    addStatement(second, "shared.read", SqlCommandType.SELECT, "SELECT amount FROM orders ORDER BY id");
    addStatement(first, "shared.delete", SqlCommandType.DELETE, "DELETE FROM users WHERE id = #{id}");
    addStatement(second, "shared.delete", SqlCommandType.DELETE, "DELETE FROM orders WHERE id = #{id}");
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void shouldRunEachConfigurationsOwnQueryUnderTheSameId() {
    for (int round = 0; round < 3; round++) {
      assertThat(this.<Object>select(first)).containsExactly("ann", "bob", "cid", "eve");
      assertThat(this.<Object>select(second)).containsExactly(100, 250, 30);
    }
  }

  @Test
  void shouldRunEachConfigurationsOwnDeleteUnderTheSameId() {
    delete(first, 1);
    delete(second, 10);
    delete(first, 2);
    delete(second, 11);

    assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE id IN (1, 2) AND deleted_at IS NOT NULL")).isEqualTo(2);
    assertThat(db.queryLong("SELECT COUNT(*) FROM orders WHERE id IN (10, 11) AND deleted_at IS NOT NULL"))
        .isEqualTo(2);
    assertThat(db.queryLong("SELECT COUNT(*) FROM users")).isEqualTo(5);
    assertThat(db.queryLong("SELECT COUNT(*) FROM orders")).isEqualTo(4);
  }

  private <T> List<T> select(SqlSessionFactory factory) {
    try (SqlSession session = factory.openSession()) {
      return session.selectList("shared.read");
    }
  }

  private void delete(SqlSessionFactory factory, long id) {
    try (SqlSession session = factory.openSession(true)) {
      assertThat(session.delete("shared.delete", Map.of("id", id))).isEqualTo(1);
    }
  }

  private static void addStatement(SqlSessionFactory factory, String id, SqlCommandType type, String sql) {
    Configuration configuration = factory.getConfiguration();
    ResultMap inline = new ResultMap.Builder(configuration, id + "-Inline", Object.class, List.of()).build();
    configuration.addMappedStatement(new MappedStatement.Builder(configuration, id,
        new RawSqlSource(configuration, sql, Map.class), type).resultMaps(List.of(inline)).build());
  }
}
