package io.github.softdelete.demo;

import java.sql.Connection;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/**
 * Demo only: prints each statement as the mapper wrote it next to the SQL that was actually prepared.
 *
 * <p>Registered after the soft-delete plugin, so its {@code Executor} wrapper is the outermost one and sees
 * the application's own {@link MappedStatement}; its {@code prepare} hook runs once every plugin has had its say.
 */
@Intercepts({
  @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
  @Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
  @Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class})
})
public final class ShowSqlInterceptor implements Interceptor {
  private final ThreadLocal<String> mapperSql = new ThreadLocal<>();

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    if (invocation.getTarget() instanceof StatementHandler handler) {
      Object statement = invocation.proceed();
      String mapper = mapperSql.get();
      if (mapper != null) { // null: a call this demo does not make (cursor, flush)
        print(mapper, oneLine(handler.getBoundSql().getSql()));
      }
      return statement;
    }
    MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
    mapperSql.set(oneLine(statement.getBoundSql(invocation.getArgs()[1]).getSql()));
    try {
      return invocation.proceed();
    } finally {
      mapperSql.remove();
    }
  }

  private static void print(String mapper, String prepared) {
    System.out.println(Printer.INDENT + "mapper  : " + mapper);
    System.out.println(Printer.INDENT + "prepared: " + (prepared.equals(mapper) ? "(unchanged)" : prepared));
  }

  private static String oneLine(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }
}
