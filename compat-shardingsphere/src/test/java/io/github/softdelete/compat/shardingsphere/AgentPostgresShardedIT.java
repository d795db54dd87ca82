package io.github.softdelete.compat.shardingsphere;

/** {@link ShardedSoftDeleteSuite} on two PostgreSQL databases, with the agent instead of a registered interceptor. */
class AgentPostgresShardedIT extends AgentShardedSuite {
  @Override
  Server server() {
    return Server.POSTGRESQL;
  }
}
