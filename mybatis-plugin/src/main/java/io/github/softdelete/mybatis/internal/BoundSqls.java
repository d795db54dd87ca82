package io.github.softdelete.mybatis.internal;

import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.session.Configuration;

/** Copies of MyBatis's {@link BoundSql} with other SQL text. */
final class BoundSqls {
  private BoundSqls() {}

  /**
   * {@code original} with {@code sql} instead of its SQL: the same parameter mappings in the same order, and
   * every additional parameter ({@code <foreach>} items {@code __frch_*}, {@code <bind>} values,
   * {@code _parameter}, {@code _databaseId}, what other plugins added), without which the {@code ?} of
   * dynamic SQL would bind nothing.
   */
  static BoundSql withSql(Configuration configuration, BoundSql original, String sql) {
    BoundSql copy = new BoundSql(configuration, sql, original.getParameterMappings(), original.getParameterObject());
    for (Map.Entry<String, Object> parameter : original.getAdditionalParameters().entrySet()) {
      copy.setAdditionalParameter(parameter.getKey(), parameter.getValue());
    }
    return copy;
  }
}
