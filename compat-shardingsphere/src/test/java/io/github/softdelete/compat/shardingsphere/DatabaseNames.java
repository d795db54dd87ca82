package io.github.softdelete.compat.shardingsphere;

/**
 * The databases one test class creates on a server, all named from one prefix, so that suites run in parallel
 * (the registered interceptor's, the agent's, the purge's) never meet each other's.
 */
record DatabaseNames(String prefix) {
  /** The shard behind ShardingSphere's data source {@code ds_<index>}. */
  String shard(int index) {
    return prefix + "_" + index;
  }

  /** The same tables unsharded. */
  String control() {
    return prefix + "_control";
  }

  /** MariaDB's live views live in a database of their own; PostgreSQL's in a schema of the control database. */
  String live() {
    return prefix + "_live";
  }
}
