package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.util.Properties;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SoftDeleteInterceptor#intercept} keeps its contract for code that wraps executors with MyBatis's
 * {@code Plugin.wrap} itself instead of calling {@code plugin}: the same filtering, marking and modes.
 */
class InterceptThroughPluginWrapTest {
  private TestDatabase db;
  private SqlSession session;
  private UserMapper users;

  /** Hands every target to {@code Plugin.wrap} with the soft-delete interceptor, as a framework might. */
  static final class WrappedByPlugin implements Interceptor {
    private final SoftDeleteInterceptor softDelete = Plugins.softDelete();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      return softDelete.intercept(invocation);
    }

    @Override
    public Object plugin(Object target) {
      return Plugin.wrap(target, softDelete);
    }

    @Override
    public void setProperties(Properties properties) {}
  }

  @BeforeEach
  void openSession() {
    db = TestDatabase.create();
    SqlSessionFactory factory = db.factory(new WrappedByPlugin());
    session = factory.openSession(true);
    users = session.getMapper(UserMapper.class);
  }

  @AfterEach
  void close() {
    session.close();
    db.close();
  }

  @Test
  void shouldHideDeletedRowsWhenInterceptCalledThroughPluginWrap() {
    assertThat(users.names()).containsExactly("ann", "bob", "cid", "eve");
    assertThat(IncludeDeleted.get(users::names)).containsExactly("ann", "bob", "cid", "dee", "eve");
  }

  @Test
  void shouldMarkInsteadOfDeletingWhenInterceptCalledThroughPluginWrap() {
    int count = users.delete(1);

    assertThat(count).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE id = 1 AND deleted_at IS NOT NULL")).isEqualTo(1);
    assertThat(users.names()).containsExactly("bob", "cid", "eve");
  }
}
