package io.github.softdelete.mybatis.e2e;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

/** Records the SQL text that MyBatis hands to {@code Connection.prepareStatement}. */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
public class SqlRecorder implements Interceptor {
  private final List<String> sql = new CopyOnWriteArrayList<>();

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    sql.add(((StatementHandler) invocation.getTarget()).getBoundSql().getSql());
    return invocation.proceed();
  }

  List<String> sql() {
    return List.copyOf(sql);
  }
}
