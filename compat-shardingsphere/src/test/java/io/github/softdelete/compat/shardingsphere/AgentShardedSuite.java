package io.github.softdelete.compat.shardingsphere;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.OnlyDeleted;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ShardedSoftDeleteSuite} with no interceptor in any Configuration: the JVM runs with
 * {@code -javaagent:softdelete-agent.jar=tables=...,cascade=...} (the failsafe execution {@code agent} of this
 * module's pom), and the agent wraps every executor of MyBatis on the ShardingSphere DataSource.
 */
abstract class AgentShardedSuite extends ShardedSoftDeleteSuite {
  @Override
  DatabaseNames names() {
    return new DatabaseNames("softdelete_ss_agent");
  }

  @Override
  boolean registersInterceptor() {
    return false;
  }

  @Test
  void shouldMarkTheDeleteThroughTheAgentAloneWithNoInterceptorInTheConfiguration() throws SQLException {
    // given: this JVM carries the agent, and MyBatis's Configuration holds only the test's own recorder
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .anySatisfy(arg -> assertThat(arg).startsWith("-javaagent:").contains("softdelete-agent.jar=tables="
            + TABLES.replace(',', ':')));
    assertThat(sharded.getConfiguration().getInterceptors()).singleElement().isSameAs(recorder);
    Map<String, List<String>> before = TableState.sharded(databases);
    String delete = "DELETE FROM t_order WHERE order_id = 101 AND user_id = 1";

    // when
    int marked = write(sharded, WriteShape.of("delete", delete), delete);

    // then: ShardingSphere was handed the agent's cascade to the items and the marking UPDATE (the agent's
    // options), and the row is deleted for softdelete only
    assertThat(marked).isEqualTo(1);
    assertThat(recorder.statements()).satisfiesExactly(
        cascade -> assertThat(cascade).startsWith("UPDATE t_order_item SET deleted_at"),
        mark -> assertThat(mark).startsWith("UPDATE t_order SET deleted_at"));
    assertThat(select("SELECT order_id FROM t_order WHERE order_id = 101")).isEmpty();
    assertThat(OnlyDeleted.get(() -> select("SELECT order_id FROM t_order WHERE order_id = 101"))).hasSize(1);
    assertThat(TableState.sharded(databases)).isNotEqualTo(before);
  }
}
