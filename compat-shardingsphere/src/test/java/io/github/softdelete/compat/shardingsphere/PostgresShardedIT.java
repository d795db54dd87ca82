package io.github.softdelete.compat.shardingsphere;

/** {@link ShardedSoftDeleteSuite} on two PostgreSQL databases. */
class PostgresShardedIT extends ShardedSoftDeleteSuite {
  @Override
  Server server() {
    return Server.POSTGRESQL;
  }

  @Override
  String upsertSql() {
    return "INSERT INTO t_order (order_id, user_id, status, amount) VALUES (102, 1, 'AGAIN', 5.00)"
        + " ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status";
  }
}
