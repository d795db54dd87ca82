package io.github.softdelete.mybatis.internal;

import java.util.Arrays;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlSource;

/** Copies of MyBatis's {@link MappedStatement}, which has no copy method of its own. */
final class MappedStatements {
  private MappedStatements() {}

  /** {@code original} in every respect (id included, for logs and errors) but its SQL source. */
  static MappedStatement withSqlSource(MappedStatement original, SqlSource sqlSource) {
    return new MappedStatement.Builder(original.getConfiguration(), original.getId(), sqlSource,
        original.getSqlCommandType())
        .resource(original.getResource())
        .fetchSize(original.getFetchSize())
        .timeout(original.getTimeout())
        .statementType(original.getStatementType())
        .resultSetType(original.getResultSetType())
        .parameterMap(original.getParameterMap())
        .resultMaps(original.getResultMaps())
        .cache(original.getCache())
        .flushCacheRequired(original.isFlushCacheRequired())
        .useCache(original.isUseCache())
        .resultOrdered(original.isResultOrdered())
        .keyGenerator(original.getKeyGenerator())
        .keyProperty(joined(original.getKeyProperties()))
        .keyColumn(joined(original.getKeyColumns()))
        .databaseId(original.getDatabaseId())
        .lang(original.getLang())
        .resultSets(joined(original.getResultSets()))
        .dirtySelect(original.isDirtySelect())
        .build();
  }

  // the builder takes the comma-separated form that the getters split
  private static String joined(String[] values) {
    return values == null ? null : String.join(",", Arrays.asList(values));
  }
}
