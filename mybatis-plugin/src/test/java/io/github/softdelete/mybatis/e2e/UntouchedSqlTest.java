package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.IncludeDeleted;
import java.util.List;
import java.util.function.Consumer;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQL that mentions no soft table reaches JDBC exactly as MyBatis built it: observed at
 * {@code StatementHandler.prepare}, with and without the plugin.
 */
class UntouchedSqlTest {
  private TestDatabase db;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private List<String> sqlSentBy(Consumer<UserMapper> calls, boolean withSoftDelete) {
    SqlRecorder recorder = new SqlRecorder();
    SqlSessionFactory factory = withSoftDelete ? db.factory(Plugins.softDelete(), recorder) : db.factory(recorder);
    try (SqlSession session = factory.openSession()) {
      calls.accept(session.getMapper(UserMapper.class));
      session.rollback(true);
    }
    return recorder.sql();
  }

  @Test
  void shouldSendSqlOnOtherTablesByteIdentical() {
    Consumer<UserMapper> calls = users -> {
      users.auditMessages(1);
      users.audit("x");
      IncludeDeleted.get(() -> users.auditMessages(2));
    };

    List<String> without = sqlSentBy(calls, false);
    List<String> with = sqlSentBy(calls, true);

    assertThat(without).hasSize(3);
    assertThat(with).isEqualTo(without);
    assertThat(with.get(0)).isEqualTo("SELECT  message /* as written */ FROM audit_log\n   WHERE id >= ?   ORDER BY id");
  }

  @Test
  void shouldSendSqlOnSoftTablesRewritten() {
    // the same observation point sees the rewrite, so the test above would notice one
    Consumer<UserMapper> calls = UserMapper::names;

    List<String> without = sqlSentBy(calls, false);
    List<String> with = sqlSentBy(calls, true);

    assertThat(without).containsExactly("SELECT name FROM users ORDER BY id");
    assertThat(with).hasSize(1);
    assertThat(with.get(0)).isNotEqualTo(without.get(0)).contains("deleted_at IS NULL");
  }

  @Test
  void shouldSendSqlOfStatementLeftUnchangedInItsModeByteIdentical() {
    // INCLUDE_DELETED adds no filter to a SELECT: the engine's answer is "unchanged", and so is the SQL
    Consumer<UserMapper> calls = users -> IncludeDeleted.get(users::names);

    assertThat(sqlSentBy(calls, true)).isEqualTo(sqlSentBy(calls, false));
  }

  @Test
  void shouldRunMyBatisOwnStatementsForStaticSqlOnOtherTables() {
    SqlRecorder recorder = new SqlRecorder();
    SqlSessionFactory factory = db.factory(Plugins.softDelete(), recorder);
    Configuration configuration = factory.getConfiguration();
    try (SqlSession session = factory.openSession()) {
      UserMapper users = session.getMapper(UserMapper.class);
      users.auditMessages(1);
      users.audit("x");
      users.delete(1);
      session.rollback(true);
    }

    List<MappedStatement> ran = recorder.statements();
    assertThat(ran).hasSize(3);
    assertThat(ran.get(0)).isSameAs(configuration.getMappedStatement(UserMapper.class.getName() + ".auditMessages"));
    assertThat(ran.get(1)).isSameAs(configuration.getMappedStatement(UserMapper.class.getName() + ".audit"));
    // a DELETE on a soft table runs a copy with the same id, whose SQL source rewrites
    MappedStatement delete = configuration.getMappedStatement(UserMapper.class.getName() + ".delete");
    assertThat(ran.get(2)).isNotSameAs(delete);
    assertThat(ran.get(2).getId()).isEqualTo(delete.getId());
  }
}
