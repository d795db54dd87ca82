package io.github.softdelete.mybatis.internal;

import java.util.List;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;

/**
 * The SQL source of a static statement rewritten once and for all: the rewrite adds no parameter, so each call
 * builds one BoundSql, as the original source would.
 */
final class FixedSqlSource implements SqlSource {
  private final StaticSqlSource rewritten;
  private final String restoredTable;

  /** @param restoredTable the table a restore restores, for {@link RestoreCall}; {@code null} otherwise */
  FixedSqlSource(Configuration configuration, String sql, List<ParameterMapping> parameterMappings,
      String restoredTable) {
    this.rewritten = new StaticSqlSource(configuration, sql, parameterMappings);
    this.restoredTable = restoredTable;
  }

  @Override
  public BoundSql getBoundSql(Object parameterObject) {
    if (restoredTable != null) {
      RestoreCall.record(restoredTable);
    }
    return rewritten.getBoundSql(parameterObject);
  }
}
