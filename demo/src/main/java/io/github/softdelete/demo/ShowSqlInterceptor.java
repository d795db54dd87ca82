package io.github.softdelete.demo;

import java.sql.Connection;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/**
 * Demo only, no soft-delete code: prints each statement as the application's mapper wrote it, then every SQL
 * statement that was actually prepared on the connection for it (one, or several when a delete cascades).
 *
 * <p>The application's SQL is read from the statement registered in the {@link Configuration} under the
 * called id, not from the {@link MappedStatement} this plugin is handed: so it does not matter whether this
 * wrapper sits outside the soft-delete one (registered after it in {@code mybatis-config.xml}) or inside it
 * (the agent wraps last).
 */
@Intercepts({
  @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
  @Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
  @Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class,
          BoundSql.class}),
  @Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class})
})
public final class ShowSqlInterceptor implements Interceptor {
  private final ThreadLocal<String> applicationSql = new ThreadLocal<>();
  private final Printer out;
  // the last application line printed, and after which step or line of code: a cascade's statements come back through the
  // executor under the same id, and are shown under one application line
  private String lastShown;
  private int lastShownMark;

  ShowSqlInterceptor(Printer out) {
    this.out = out;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    if (invocation.getTarget() instanceof StatementHandler handler) {
      Object statement = invocation.proceed();
      String application = applicationSql.get();
      if (application != null) { // null: a call this demo does not make (cursor, flush)
        show(application, oneLine(handler.getBoundSql().getSql()));
      }
      return statement;
    }
    if (applicationSql.get() != null) { // an inner call of the same mapper call
      return invocation.proceed();
    }
    MappedStatement called = (MappedStatement) invocation.getArgs()[0];
    applicationSql.set(oneLine(registered(called).getBoundSql(invocation.getArgs()[1]).getSql()));
    try {
      return invocation.proceed();
    } finally {
      applicationSql.remove();
    }
  }

  private static MappedStatement registered(MappedStatement called) {
    Configuration configuration = called.getConfiguration();
    return configuration.hasStatement(called.getId(), false)
        ? configuration.getMappedStatement(called.getId(), false) : called;
  }

  private void show(String application, String prepared) {
    if (!application.equals(lastShown) || lastShownMark != out.marks()) {
      out.sql("app sent", application);
      lastShown = application;
      lastShownMark = out.marks();
    }
    out.sql("H2 got", prepared.equals(application) ? "(the same)" : prepared);
  }

  private static String oneLine(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }
}
