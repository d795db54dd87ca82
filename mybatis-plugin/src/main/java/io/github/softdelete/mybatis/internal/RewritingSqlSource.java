package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.SoftDeleteMode;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;

/**
 * Rewrites the SQL of every {@link BoundSql} the original source produces, in one fixed mode.
 *
 * <p>Updates need this: MyBatis computes their SQL late, after a {@code <selectKey>} has filled in the
 * parameter, so the interceptor cannot hand over finished SQL as it does for queries.
 */
final class RewritingSqlSource implements SqlSource {
  private final SqlSource original;
  private final Configuration configuration;
  private final String statementId;
  private final SqlCache cache;
  private final SoftDeleteMode mode;

  RewritingSqlSource(SqlSource original, Configuration configuration, String statementId, SqlCache cache,
      SoftDeleteMode mode) {
    this.original = original;
    this.configuration = configuration;
    this.statementId = statementId;
    this.cache = cache;
    this.mode = mode;
  }

  @Override
  public BoundSql getBoundSql(Object parameterObject) {
    BoundSql boundSql = original.getBoundSql(parameterObject);
    String sql = cache.sqlFor(statementId, boundSql.getSql(), mode);
    return sql == boundSql.getSql() ? boundSql : BoundSqls.withSql(configuration, boundSql, sql);
  }
}
