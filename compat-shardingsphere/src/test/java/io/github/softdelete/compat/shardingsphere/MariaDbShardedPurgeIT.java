package io.github.softdelete.compat.shardingsphere;

/** {@link ShardedPurgeSuite} on two MariaDB databases. */
class MariaDbShardedPurgeIT extends ShardedPurgeSuite {
  @Override
  Server server() {
    return Server.MARIADB;
  }
}
