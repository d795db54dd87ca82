package io.github.softdelete.compat.shardingsphere;

/** {@link ShardedSoftDeleteSuite} on two MariaDB databases, the interceptor registered. */
class MariaDbShardedIT extends RegisteredShardedSuite {
  @Override
  Server server() {
    return Server.MARIADB;
  }
}
