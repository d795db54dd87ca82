package io.github.softdelete.compat.shardingsphere;

/** {@link ShardedSoftDeleteSuite} on two PostgreSQL databases, the interceptor registered. */
class PostgresShardedIT extends RegisteredShardedSuite {
  @Override
  Server server() {
    return Server.POSTGRESQL;
  }
}
