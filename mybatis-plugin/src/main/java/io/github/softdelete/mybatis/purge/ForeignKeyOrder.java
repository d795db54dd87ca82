package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.sql.ForeignKeyReader;
import io.github.softdelete.mybatis.sql.ForeignKeyReader.ForeignKey;
import io.github.softdelete.mybatis.sql.ForeignKeyReader.StoredTable;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The purge's side of {@code cascade=detect} and {@code restrict=detect}: the tables children first by every
 * foreign key between them, whatever its rule, read on the purge's own connection. Any key from a child holds
 * back its parent's physical delete while the child's rows remain, which is wider than the relations the
 * interceptor derives (one column, {@code CASCADE}, {@code RESTRICT} or {@code NO ACTION}).
 */
final class ForeignKeyOrder {
  private ForeignKeyOrder() {}

  static List<String> childrenFirst(Connection connection, List<String> tables, List<Cascade> declared)
      throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    List<Cascade> edges = new ArrayList<>(declared);
    for (String parent : tables) {
      Optional<StoredTable> stored = ForeignKeyReader.find(connection, unqualified(parent));
      if (stored.isEmpty()) {
        // PurgeTarget.resolve names the missing table
        continue;
      }
      for (ForeignKey key : ForeignKeyReader.referencing(metaData, stored.get())) {
        for (String child : tables) {
          if (child != parent && unqualified(child).equalsIgnoreCase(key.childTable())) {
            edges.add(new Cascade(child, key.childColumns().get(0), parent, key.parentColumns().get(0)));
          }
        }
      }
    }
    return TableOrder.childrenFirst(edges).apply(tables);
  }

  private static String unqualified(String table) {
    String name = table.strip();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
