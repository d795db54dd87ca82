package io.github.softdelete.compat.mybatisplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import com.baomidou.mybatisplus.core.MybatisSqlSessionFactoryBuilder;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claim of README's comparison table: MyBatis-Plus's {@code @TableLogic} filters the statements it
 * generates, not the ones the application writes; softdelete filters both.
 */
class TableLogicComparisonIT {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private UnpooledDataSource dataSource;

  @BeforeEach
  void setUp() throws SQLException {
    dataSource = new UnpooledDataSource("org.h2.Driver",
        "jdbc:h2:mem:compat_table_logic" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    execute("CREATE TABLE teams (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL)");
    execute("CREATE TABLE members (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL, team_id BIGINT NOT NULL,"
        + " deleted INT DEFAULT 0 NOT NULL)");
    execute("INSERT INTO teams VALUES (1, 'red')");
    execute("INSERT INTO members VALUES (1, 'ann', 1, 0), (2, 'bob', 1, 1), (3, 'cid', 1, 0)");
  }

  @AfterEach
  void tearDown() throws SQLException {
    execute("SHUTDOWN");
  }

  @Test
  void shouldLeaveHandWrittenStatementsUnfilteredWithTableLogicAlone() {
    try (SqlSession session = factory(false).openSession(true)) {
      MemberMapper members = session.getMapper(MemberMapper.class);

      // generated: filtered; hand-written: bob (deleted) comes back
      assertThat(members.selectList(null)).extracting(Member::getName).containsExactly("ann", "cid");
      assertThat(members.names()).containsExactly("ann", "bob", "cid");
      assertThat(members.countInTeam("red")).isEqualTo(3);
    }
  }

  @Test
  void shouldFilterHandWrittenStatementsTooWithSoftdeleteBeside() {
    try (SqlSession session = factory(true).openSession(true)) {
      MemberMapper members = session.getMapper(MemberMapper.class);

      assertThat(members.selectList(null)).extracting(Member::getName).containsExactly("ann", "cid");
      assertThat(members.names()).containsExactly("ann", "cid");
      assertThat(members.countInTeam("red")).isEqualTo(2);
    }
  }

  @Test
  void shouldEraseWithAHandWrittenDeleteUnderTableLogicAloneAndMarkWithSoftdeleteBeside() throws SQLException {
    try (SqlSession session = factory(false).openSession(true)) {
      assertThat(session.getMapper(MemberMapper.class).erase(1)).isEqualTo(1);
    }
    try (SqlSession session = factory(true).openSession(true)) {
      assertThat(session.getMapper(MemberMapper.class).erase(3)).isEqualTo(1);
    }

    // 1 is gone from the table; 3 is still there, marked
    assertThat(count("SELECT COUNT(*) FROM members WHERE id = 1")).isZero();
    assertThat(count("SELECT COUNT(*) FROM members WHERE id = 3 AND deleted = 1")).isEqualTo(1);
  }

  @Test
  void shouldMarkWithItsOwnDeleteById() throws SQLException {
    try (SqlSession session = factory(false).openSession(true)) {
      assertThat(session.getMapper(MemberMapper.class).deleteById(1L)).isEqualTo(1);
    }

    assertThat(count("SELECT COUNT(*) FROM members WHERE id = 1 AND deleted = 1")).isEqualTo(1);
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private SqlSessionFactory factory(boolean withSoftdelete) {
    MybatisConfiguration configuration = new MybatisConfiguration();
    configuration.setEnvironment(new Environment("compat", new JdbcTransactionFactory(), dataSource));
    if (withSoftdelete) {
      Properties properties = new Properties();
      properties.setProperty("tables", "members");
      properties.setProperty("column", "deleted");
      properties.setProperty("liveValue", "0");
      properties.setProperty("deletedValue", "1");
      configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
    }
    configuration.addMapper(MemberMapper.class);
    return new MybatisSqlSessionFactoryBuilder().build(configuration);
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
