package io.github.softdelete.mybatis.e2e;

import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/**
 * Does what PageHelper and other plugins do when registered after softdelete: computes the SQL and the cache
 * key of the original statement itself and calls the six-argument {@code Executor.query}.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
public class SixArgQueryCaller implements Interceptor {
  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Executor executor = (Executor) invocation.getTarget();
    Object[] args = invocation.getArgs();
    MappedStatement ms = (MappedStatement) args[0];
    RowBounds rowBounds = (RowBounds) args[2];
    BoundSql boundSql = ms.getBoundSql(args[1]);
    CacheKey key = executor.createCacheKey(ms, args[1], rowBounds, boundSql);
    return executor.query(ms, args[1], rowBounds, (ResultHandler<?>) args[3], key, boundSql);
  }
}
