package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BATCH executor keeps batching rewritten statements, and they mark rows as single ones do. */
class BatchExecutorTest {
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
  void shouldMarkEveryRowDeletedInOneBatch() {
    List<BatchResult> results;
    try (SqlSession session = db.factory(Plugins.softDelete()).openSession(ExecutorType.BATCH)) {
      UserMapper users = session.getMapper(UserMapper.class);
      users.delete(1);
      users.delete(2);
      users.delete(4);
      results = session.flushStatements();
      session.commit();
    }

    // one JDBC batch: BatchExecutor saw the same statement and SQL three times
    assertThat(results).hasSize(1);
    assertThat(results.get(0).getUpdateCounts()).containsExactly(1, 1, 0);
    assertThat(db.queryLong("SELECT COUNT(*) FROM users")).isEqualTo(5);
    assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE deleted_at IS NOT NULL")).isEqualTo(3);
    try (SqlSession session = db.factory(Plugins.softDelete()).openSession()) {
      assertThat(session.getMapper(UserMapper.class).names()).containsExactly("cid", "eve");
    }
  }
}
