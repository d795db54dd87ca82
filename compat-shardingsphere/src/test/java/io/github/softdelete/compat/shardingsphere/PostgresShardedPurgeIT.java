package io.github.softdelete.compat.shardingsphere;

/** {@link ShardedPurgeSuite} on two PostgreSQL databases. */
class PostgresShardedPurgeIT extends ShardedPurgeSuite {
  @Override
  Server server() {
    return Server.POSTGRESQL;
  }
}
