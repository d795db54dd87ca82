package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.DeletedBy;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.Undelete;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Four tables, four conventions, found by candidates through MyBatis on H2: users {@code deleted_at}, posts
 * {@code removed_at} (a cascade child of users), orders {@code is_deleted} INT, sys_user {@code del_flag}
 * CHAR(1) '0'/'2' with who in {@code del_by}.
 */
class MixedMarkersTest {
  public interface Mapper {
    @Select("SELECT u.name FROM users u JOIN orders o ON o.user_id = u.id JOIN sys_user s ON s.user_id = u.id"
        + " ORDER BY u.name")
    List<String> namesWithOrdersAndAccounts();

    @Select("SELECT id FROM posts ORDER BY id")
    List<Integer> postIds();

    @Delete("DELETE FROM users WHERE id = #{id}")
    int deleteUser(int id);

    @Delete("DELETE FROM orders WHERE id = #{id}")
    int deleteOrder(int id);

    @Delete("DELETE FROM sys_user WHERE id = #{id}")
    int deleteAccount(int id);
  }

  private final TestDatabase db = TestDatabase.create("io/github/softdelete/mybatis/e2e/mixed-markers.sql");
  private SqlSession session;
  private Mapper mapper;

  @BeforeEach
  void open() {
    Properties properties = new Properties();
    properties.setProperty("column", "deleted_at:removed_at:is_deleted:del_flag");
    properties.setProperty("table.sys_user.liveValue", "'0'");
    properties.setProperty("table.sys_user.deletedValue", "'2'");
    properties.setProperty("table.sys_user.deletedByColumn", "del_by");
    properties.setProperty("cascade", "posts.user_id->users.id");
    SqlSessionFactory factory = db.factory(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
    factory.getConfiguration().addMapper(Mapper.class);
    session = factory.openSession(true);
    mapper = session.getMapper(Mapper.class);
  }

  @AfterEach
  void close() {
    session.close();
    db.close();
  }

  @Test
  void shouldHideDeletedRowsOfEveryConventionInOneJoin() {
    mapper.deleteOrder(100);
    mapper.deleteAccount(2000);

    assertThat(mapper.namesWithOrdersAndAccounts()).isEmpty();
    assertThat(db.queryLong("SELECT is_deleted FROM orders WHERE id = 100")).isEqualTo(1);
    assertThat(LifecycleDatabase.rows(db, "SELECT del_flag, del_by FROM sys_user ORDER BY id"))
        .containsExactly(row("0", null), row("2", null));
  }

  private static List<String> row(String... values) {
    return java.util.Arrays.asList(values);
  }

  @Test
  void shouldRecordWhoInTheTablesOwnAuditColumn() {
    DeletedBy.as("alice").run(() -> mapper.deleteAccount(1000));

    assertThat(LifecycleDatabase.rows(db, "SELECT del_flag, del_by FROM sys_user WHERE id = 1000"))
        .containsExactly(row("2", "alice"));
  }

  @Test
  void shouldCascadeTheParentsTimestampIntoTheChildsOwnColumnAndUndoIt() {
    mapper.deleteUser(1);

    assertThat(mapper.postIds()).containsExactly(20);
    assertThat(db.queryLong("SELECT COUNT(*) FROM posts p JOIN users u ON u.id = p.user_id"
        + " WHERE p.id = 10 AND p.removed_at = u.deleted_at")).isEqualTo(1);

    Undelete.run(() -> mapper.deleteUser(1));

    assertThat(mapper.postIds()).containsExactly(10, 20);
    // deleted on its own before: stays deleted
    assertThat(db.queryLong("SELECT COUNT(*) FROM posts WHERE id = 11 AND removed_at IS NOT NULL")).isEqualTo(1);
  }
}
