package io.github.softdelete.compat.shardingsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.SoftDeleteException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link ShardedSoftDeleteSuite} with the interceptor registered in each Configuration, which can also be
 * registered without {@code tables}: detection is then refused.
 */
abstract class RegisteredShardedSuite extends ShardedSoftDeleteSuite {
  @Override
  DatabaseNames names() {
    return new DatabaseNames("softdelete_ss");
  }

  @Override
  boolean registersInterceptor() {
    return true;
  }

  @Test
  void shouldRefuseToDetectSoftTablesThroughShardingSphere() throws SQLException {
    // given: no 'tables': softdelete would read JDBC metadata, which ShardingSphere answers from one of its
    // databases at random, by actual table names (t_order_0) that no statement names
    SqlSessionFactory detecting = factory(databases.sharded, new Properties(), new SqlRecorder());
    Map<String, List<String>> before = TableState.sharded(databases);
    String delete = "DELETE FROM t_order WHERE user_id = 1";

    // when
    Throwable thrown = catchThrowable(() -> write(detecting, WriteShape.of("delete", delete), delete));

    // then: refused before anything ran, the DELETE not passed through as a hard delete
    assertThat(rootCauseOfType(thrown, SoftDeleteException.class)).hasMessage("softdelete: cannot detect the soft"
        + " tables through ShardingSphere-JDBC: its JDBC metadata describes one of its databases, chosen at random,"
        + " and names actual tables (t_order_0) rather than the logical tables statements use, so a soft table"
        + " could be missed and read unfiltered; list the logical soft tables in property 'tables' to skip"
        + " detection");
    assertThat(TableState.sharded(databases)).isEqualTo(before);
  }
}
