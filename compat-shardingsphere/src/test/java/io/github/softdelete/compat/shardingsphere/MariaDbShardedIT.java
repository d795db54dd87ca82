package io.github.softdelete.compat.shardingsphere;

/** {@link ShardedSoftDeleteSuite} on two MariaDB databases. */
class MariaDbShardedIT extends ShardedSoftDeleteSuite {
  @Override
  Server server() {
    return Server.MARIADB;
  }

  @Override
  String upsertSql() {
    return "INSERT INTO t_order (order_id, user_id, status, amount) VALUES (102, 1, 'AGAIN', 5.00)"
        + " ON DUPLICATE KEY UPDATE status = VALUES(status)";
  }
}
