package io.github.softdelete.mybatis.e2e;

import java.util.concurrent.atomic.AtomicInteger;
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

/** An application's plugin that counts the queries it sees, through either {@code query} or {@code queryCursor}. */
@Intercepts({
  @Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
  @Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class,
          BoundSql.class}),
  @Signature(type = Executor.class, method = "queryCursor",
      args = {MappedStatement.class, Object.class, RowBounds.class})
})
public class QueryCounter implements Interceptor {
  private final AtomicInteger queries = new AtomicInteger();

  int queries() {
    return queries.get();
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    queries.incrementAndGet();
    return invocation.proceed();
  }
}
