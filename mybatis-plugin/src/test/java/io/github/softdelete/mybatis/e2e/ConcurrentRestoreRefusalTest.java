package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.Undelete;
import java.sql.Connection;
import java.util.Properties;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A refused restore names its own table, whatever other threads run: the table travels with the call, not in a
 * field that every thread of the statement shares. Deterministic: both calls have built their SQL before
 * either runs it.
 */
class ConcurrentRestoreRefusalTest {
  private final TestDatabase db = TestDatabase.create("io/github/softdelete/mybatis/e2e/two-restores.sql");

  /** One statement whose table is decided per call, as {@code ${}} does. */
  interface RestoreMapper {
    @Delete("DELETE FROM ${table} WHERE id = #{id}")
    int deleteById(@Param("table") String table, @Param("id") long id);
  }

  /** Holds every statement where it is prepared (its SQL built) until both threads have come this far. */
  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class BothBuilt implements Interceptor {
    private final CyclicBarrier barrier = new CyclicBarrier(2);

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      barrier.await(30, TimeUnit.SECONDS);
      return invocation.proceed();
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void shouldNameItsOwnTableWhenTwoThreadsRestoreTheSameStatementOnDifferentTables() throws Exception {
    // given: restoring row 1 of either table would give it a title a live row holds
    Properties properties = new Properties();
    properties.setProperty("tables", "alpha,beta");
    SqlSessionFactory factory = db.factory(new BothBuilt(),
        new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
    factory.getConfiguration().addMapper(RestoreMapper.class);
    ExecutorService threads = Executors.newFixedThreadPool(2);

    try {
      for (int round = 0; round < 5; round++) {
        // when: both restore at once, each on its own table
        Future<Throwable> alpha = threads.submit(() -> restore(factory, "alpha"));
        Future<Throwable> beta = threads.submit(() -> restore(factory, "beta"));

        // then
        assertThat(refusedTable(alpha.get(60, TimeUnit.SECONDS))).as("round " + round).isEqualTo("alpha");
        assertThat(refusedTable(beta.get(60, TimeUnit.SECONDS))).as("round " + round).isEqualTo("beta");
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(db.queryLong("SELECT COUNT(*) FROM alpha WHERE deleted_at IS NULL")).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM beta WHERE deleted_at IS NULL")).isEqualTo(1);
  }

  private static Throwable restore(SqlSessionFactory factory, String table) {
    try (SqlSession session = factory.openSession(true)) {
      RestoreMapper mapper = session.getMapper(RestoreMapper.class);
      return catchThrowable(() -> Undelete.run(() -> mapper.deleteById(table, 1)));
    }
  }

  private static String refusedTable(Throwable thrown) {
    assertThat(thrown).hasCauseInstanceOf(SoftDeleteException.class);
    SoftDeleteException refusal = (SoftDeleteException) thrown.getCause();
    // the constraint the database named is of the table the refusal names
    assertThat(refusal.getMessage()).contains("on table '" + refusal.getTable() + "'").contains("UQ_" + refusal.getTable().toUpperCase(java.util.Locale.ROOT) + "_LIVE_TITLE");
    return refusal.getTable();
  }
}
