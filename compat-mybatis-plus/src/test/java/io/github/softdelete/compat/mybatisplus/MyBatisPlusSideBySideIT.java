package io.github.softdelete.compat.mybatisplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.baomidou.mybatisplus.annotation.DbType;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import io.github.softdelete.compat.mybatisplus.SideBySide.Registration;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MyBatis-Plus 3.5 (on its own JSqlParser 5.2) with {@code MybatisPlusInterceptor} and its pagination inner
 * interceptor registered beside softdelete, in both orders.
 */
class MyBatisPlusSideBySideIT {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private UnpooledDataSource dataSource;

  @BeforeEach
  void setUp() throws SQLException {
    dataSource = new UnpooledDataSource("org.h2.Driver",
        "jdbc:h2:mem:compat_mybatis_plus" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL, deleted_at TIMESTAMP)");
    execute("INSERT INTO users (id, name, deleted_at) VALUES (1, 'ann', NULL), (2, 'bob', NULL), "
        + "(3, 'cid', NULL), (4, 'dee', TIMESTAMP '2026-01-01 00:00:00'), (5, 'eve', NULL)");
  }

  @AfterEach
  void tearDown() throws SQLException {
    execute("SHUTDOWN");
  }

  @Test
  void shouldGiveMyBatisPlusItsOwnJSqlParserAndSoftdeleteTheRelocatedOne() throws Exception {
    Class<?> mybatisPlusParser = Class.forName("net.sf.jsqlparser.statement.Statement");
    Class<?> ours = Class.forName("io.github.softdelete.mybatis.shaded.jsqlparser.statement.Statement");

    assertThat(mybatisPlusParser.getProtectionDomain().getCodeSource().getLocation().getPath())
        .endsWith("jsqlparser-5.2.jar");
    assertThat(ours.getProtectionDomain().getCodeSource().getLocation().getPath())
        .endsWith("softdelete-mybatis-0.1.0-SNAPSHOT.jar");
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void shouldNotFindDeletedRowById(Registration registration) {
    try (SqlSession session = factory(registration).openSession(true)) {
      UserMapper users = session.getMapper(UserMapper.class);

      assertThat(users.selectById(4L)).isNull();
      assertThat(users.selectById(5L).getName()).isEqualTo("eve");
      assertThat(IncludeDeleted.get(() -> users.selectById(4L)).getName()).isEqualTo("dee");
    }
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void shouldFilterSelectListAndCountWithWrappers(Registration registration) {
    try (SqlSession session = factory(registration).openSession(true)) {
      UserMapper users = session.getMapper(UserMapper.class);

      List<User> withE = users.selectList(new QueryWrapper<User>().like("name", "e").orderByAsc("id"));
      Long all = users.selectCount(null);

      assertThat(withE).extracting(User::getName).containsExactly("eve");
      assertThat(all).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void shouldMarkRowOnDeleteById(Registration registration) throws SQLException {
    try (SqlSession session = factory(registration).openSession(true)) {
      UserMapper users = session.getMapper(UserMapper.class);

      int marked = users.deleteById(2L);

      assertThat(marked).isEqualTo(1);
      assertThat(users.selectById(2L)).isNull();
      assertThat(count("SELECT COUNT(*) FROM users WHERE id = 2 AND deleted_at IS NOT NULL")).isEqualTo(1);
      // already deleted: nothing newly marked
      assertThat(users.deleteById(4L)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void shouldNotUpdateDeletedRowsThroughWrapper(Registration registration) throws SQLException {
    try (SqlSession session = factory(registration).openSession(true)) {
      UserMapper users = session.getMapper(UserMapper.class);

      int updated = users.update(new UpdateWrapper<User>().set("name", "x").in("id", 3, 4));

      assertThat(updated).isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM users WHERE name = 'x'")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void shouldCountAndPageOnlyLiveRows(Registration registration) {
    try (SqlSession session = factory(registration).openSession(true)) {
      UserMapper users = session.getMapper(UserMapper.class);

      Page<User> second = users.selectPage(new Page<>(2, 2), new QueryWrapper<User>().orderByAsc("id"));
      Page<User> withDeleted = IncludeDeleted.get(() ->
          users.selectPage(new Page<>(2, 2), new QueryWrapper<User>().orderByAsc("id")));

      assertThat(second.getTotal()).isEqualTo(4);
      assertThat(second.getRecords()).extracting(User::getName).containsExactly("cid", "eve");
      assertThat(withDeleted.getTotal()).isEqualTo(5);
      assertThat(withDeleted.getRecords()).extracting(User::getName).containsExactly("cid", "dee");
    }
  }

  private SqlSessionFactory factory(Registration registration) {
    MybatisPlusInterceptor mybatisPlus = new MybatisPlusInterceptor();
    mybatisPlus.addInnerInterceptor(new PaginationInnerInterceptor(DbType.H2));
    Properties properties = new Properties();
    properties.setProperty("tables", "users");
    Interceptor softDelete = new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties));

    return SideBySide.factory(dataSource, registration, mybatisPlus, softDelete, UserMapper.class);
  }

  private void execute(String sql) throws SQLException {
    SideBySide.execute(dataSource, sql);
  }

  private long count(String sql) throws SQLException {
    return SideBySide.count(dataSource, sql);
  }
}
