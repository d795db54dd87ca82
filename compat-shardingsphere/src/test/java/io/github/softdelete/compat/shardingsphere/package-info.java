/**
 * The packaged softdelete-mybatis jar under Apache ShardingSphere-JDBC: MyBatis on a ShardingSphere
 * DataSource whose tables are sharded over two PostgreSQL and two MariaDB databases, checked against the same
 * statements on one unsharded database.
 */
package io.github.softdelete.compat.shardingsphere;
