package io.github.softdelete.compare.flex;

import static org.assertj.core.api.Assertions.assertThat;

import com.mybatisflex.core.MybatisFlexBootstrap;
import com.mybatisflex.core.logicdelete.LogicDeleteManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claims README's comparison table makes of MyBatis-Flex's logic delete: its generated statements are
 * filtered and its delete marks, SQL the application writes itself is not filtered, and
 * {@code LogicDeleteManager.execWithoutLogicDelete} shows deleted rows.
 */
class MyBatisFlexLogicDeleteComparisonTest {
  private static UnpooledDataSource dataSource;
  private static MemberMapper members;

  @BeforeAll
  static void start() throws SQLException {
    dataSource = new UnpooledDataSource("org.h2.Driver", "jdbc:h2:mem:compare_flex;DB_CLOSE_DELAY=-1", "sa", "");
    execute("CREATE TABLE members (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL, deleted INT DEFAULT 0 NOT NULL)");
    // one bootstrap per JVM: MyBatis-Flex keeps it in a singleton
    MybatisFlexBootstrap.getInstance().setDataSource(dataSource).addMapper(MemberMapper.class).start();
    members = MybatisFlexBootstrap.getInstance().getMapper(MemberMapper.class);
  }

  @BeforeEach
  void resetRows() throws SQLException {
    execute("DELETE FROM members");
    execute("INSERT INTO members VALUES (1, 'ann', 0), (2, 'bob', 1), (3, 'cid', 0)");
  }

  @Test
  void shouldFilterItsOwnStatementsButNotTheApplicationsOwnSql() {
    List<String> generated = members.selectAll().stream().map(Member::getName).toList();
    List<String> handWritten = members.names();
    List<String> withoutLogicDelete = LogicDeleteManager.execWithoutLogicDelete(
        () -> members.selectAll().stream().map(Member::getName).toList());

    assertThat(generated).containsExactlyInAnyOrder("ann", "cid");
    assertThat(handWritten).containsExactly("ann", "bob", "cid");
    assertThat(withoutLogicDelete).containsExactlyInAnyOrder("ann", "bob", "cid");
  }

  @Test
  void shouldMarkOnItsOwnDelete() throws SQLException {
    int marked = members.deleteById(3L);

    assertThat(marked).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM members WHERE id = 3 AND deleted = 1")).isEqualTo(1);
  }

  @Test
  void shouldEraseWithAHandWrittenDelete() throws SQLException {
    int erased = members.erase(3L);

    assertThat(erased).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM members WHERE id = 3")).isZero();
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
