package io.github.softdelete.mybatis.e2e;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;

/** Records the SQL text that MyBatis hands to {@code Connection.prepareStatement}. */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
public class SqlRecorder implements Interceptor {
  private final List<String> sql = new CopyOnWriteArrayList<>();
  private final List<MappedStatement> statements = new CopyOnWriteArrayList<>();

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    StatementHandler handler = (StatementHandler) invocation.getTarget();
    sql.add(handler.getBoundSql().getSql());
    // RoutingStatementHandler -> the handler MyBatis chose -> the statement it runs
    statements.add((MappedStatement) SystemMetaObject.forObject(handler).getValue("delegate.mappedStatement"));
    return invocation.proceed();
  }

  List<String> sql() {
    return List.copyOf(sql);
  }

  /** The mapped statements that reached JDBC, in order. */
  List<MappedStatement> statements() {
    return List.copyOf(statements);
  }
}
