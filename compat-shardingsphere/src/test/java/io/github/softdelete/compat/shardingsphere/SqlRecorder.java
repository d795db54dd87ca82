package io.github.softdelete.compat.shardingsphere;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

/** Records the SQL each statement hands JDBC, that is ShardingSphere: after softdelete's rewrite. */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
final class SqlRecorder implements Interceptor {
  private final List<String> statements = new CopyOnWriteArrayList<>();

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    statements.add(((StatementHandler) invocation.getTarget()).getBoundSql().getSql());
    return invocation.proceed();
  }

  List<String> statements() {
    return List.copyOf(statements);
  }

  void clear() {
    statements.clear();
  }
}
