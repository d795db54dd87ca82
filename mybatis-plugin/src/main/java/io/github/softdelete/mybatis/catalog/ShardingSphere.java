package io.github.softdelete.mybatis.catalog;

import io.github.softdelete.mybatis.SoftDeleteException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Detection cannot see through Apache ShardingSphere-JDBC. Its {@code DatabaseMetaData} answers from one of its
 * databases, chosen at random per connection, so a single table that lives in another database is missing; and
 * it gives the actual table names ({@code t_order_0}), which no statement names, whenever its first rule is not
 * the sharding rule (a broadcast rule comes first). Tables missed that way would be read unfiltered and their
 * DELETEs would erase rows, so detection refuses and asks for {@code tables}.
 */
final class ShardingSphere {
  private static final String PACKAGE = "org.apache.shardingsphere.";

  private ShardingSphere() {}

  static void refuseDetection(Connection connection) throws SQLException {
    if (connection.getClass().getName().startsWith(PACKAGE)
        || connection.getMetaData().getClass().getName().startsWith(PACKAGE)) {
      throw new SoftDeleteException("softdelete: cannot detect the soft tables through ShardingSphere-JDBC: its"
          + " JDBC metadata describes one of its databases, chosen at random, and names actual tables (t_order_0)"
          + " rather than the logical tables statements use, so a soft table could be missed and read"
          + " unfiltered; list the logical soft tables in property 'tables' to skip detection");
    }
  }
}
