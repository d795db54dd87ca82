package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.rewrite.Binding;
import java.util.List;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.session.Configuration;

/** The bound SQL of a rewritten statement, with the values the library adds; refused when they cannot fit. */
final class Bindings {
  private Bindings() {}

  static BoundSql bind(Configuration configuration, String statementId, BoundSql boundSql, String sql,
      String table, List<Binding> bindings, AddedValues values) {
    if (bindings == null) {
      return BoundSqls.withSql(configuration, boundSql, sql);
    }
    try {
      return BoundSqls.withBindings(configuration, boundSql, sql, bindings, values);
    } catch (IllegalArgumentException e) {
      throw SoftDeleteException.refused(statementId, table, "the statement has "
          + boundSql.getParameterMappings().size() + " parameter mappings but its SQL a different number of"
          + " placeholders, so softdelete cannot tell where to add who deleted and why (" + e.getMessage() + ")",
          e);
    }
  }
}
