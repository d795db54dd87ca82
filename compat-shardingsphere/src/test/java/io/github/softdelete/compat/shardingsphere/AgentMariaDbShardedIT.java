package io.github.softdelete.compat.shardingsphere;

/** {@link ShardedSoftDeleteSuite} on two MariaDB databases, with the agent instead of a registered interceptor. */
class AgentMariaDbShardedIT extends AgentShardedSuite {
  @Override
  Server server() {
    return Server.MARIADB;
  }
}
