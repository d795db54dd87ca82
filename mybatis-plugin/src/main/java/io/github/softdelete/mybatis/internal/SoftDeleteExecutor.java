package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.SoftDeleteException;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.transaction.Transaction;

/**
 * The executor the plugin hands MyBatis: forwards every call to the executor it wraps, and runs queries,
 * cursors, updates and cache keys through the {@link StatementPlans} of the statement's database.
 *
 * <p>A plain delegating class rather than MyBatis's {@code Plugin.wrap}, which builds a JDK proxy, looks up the
 * plugin's signatures by reflection for every session and allocates an {@link Invocation} per call: on an
 * in-memory point query that alone costs more than the rewrite.
 */
public final class SoftDeleteExecutor implements Executor {
  private final Executor delegate;
  private final Databases databases;

  public SoftDeleteExecutor(Executor delegate, Databases databases) {
    this.delegate = delegate;
    this.databases = databases;
  }

  /** The executor this one forwards to. */
  Executor delegate() {
    return delegate;
  }

  /**
   * Runs an intercepted {@code Executor} call of {@code invocation}, whose target is this executor's delegate,
   * as this executor would: for callers that drive the interceptor through {@code Plugin.wrap} themselves.
   */
  public Object invoke(Invocation invocation) throws Throwable {
    Object[] args = invocation.getArgs();
    MappedStatement ms = (MappedStatement) args[0];
    RowBounds rowBounds = args.length > 2 ? (RowBounds) args[2] : null;
    return switch (invocation.getMethod().getName()) {
      case "update" -> update(ms, args[1]);
      case "queryCursor" -> queryCursor(ms, args[1], rowBounds);
      case "createCacheKey" -> createCacheKey(ms, args[1], rowBounds, (BoundSql) args[3]);
      case "query" -> args.length == 6
          ? query(ms, args[1], rowBounds, (ResultHandler<?>) args[3], (CacheKey) args[4], (BoundSql) args[5])
          : query(ms, args[1], rowBounds, (ResultHandler<?>) args[3]);
      default -> invocation.proceed();
    };
  }

  @Override
  public <E> List<E> query(MappedStatement ms, Object parameter, RowBounds rowBounds,
      ResultHandler resultHandler) throws SQLException {
    StatementPlans plans = databases.forStatement(delegate, ms);
    if (plans == null) {
      return delegate.query(ms, parameter, rowBounds, resultHandler);
    }
    return plans.query(delegate, ms, parameter, rowBounds, resultHandler);
  }

  @Override
  public <E> List<E> query(MappedStatement ms, Object parameter, RowBounds rowBounds, ResultHandler resultHandler,
      CacheKey key, BoundSql boundSql) throws SQLException {
    StatementPlans plans = databases.forStatement(delegate, ms);
    if (plans == null) {
      return delegate.query(ms, parameter, rowBounds, resultHandler, key, boundSql);
    }
    return plans.query(delegate, ms, parameter, rowBounds, resultHandler, key, boundSql);
  }

  @Override
  public <E> Cursor<E> queryCursor(MappedStatement ms, Object parameter, RowBounds rowBounds) throws SQLException {
    StatementPlans plans = databases.forStatement(delegate, ms);
    MappedStatement toRun = plans == null ? ms : plans.cursorStatement(ms);
    return delegate.queryCursor(toRun, parameter, rowBounds);
  }

  @Override
  public int update(MappedStatement ms, Object parameter) throws SQLException {
    StatementPlans plans = databases.forStatement(delegate, ms);
    // through the plans: audit values, cascades and the translation of restore violations live there
    return plans == null ? delegate.update(ms, parameter)
        : plans.update(delegate, ms, parameter);
  }

  @Override
  public CacheKey createCacheKey(MappedStatement ms, Object parameterObject, RowBounds rowBounds,
      BoundSql boundSql) {
    StatementPlans plans;
    try {
      plans = databases.forStatement(delegate, ms);
    } catch (SQLException e) {
      // Executor.createCacheKey declares no SQLException; detection needs a connection
      throw new SoftDeleteException("softdelete: could not detect the soft tables for statement '" + ms.getId()
          + "': " + e.getMessage(), e);
    }
    return plans == null ? delegate.createCacheKey(ms, parameterObject, rowBounds, boundSql)
        : plans.cacheKey(delegate, ms, parameterObject, rowBounds, boundSql);
  }

  @Override
  public List<BatchResult> flushStatements() throws SQLException {
    return delegate.flushStatements();
  }

  @Override
  public void commit(boolean required) throws SQLException {
    delegate.commit(required);
  }

  @Override
  public void rollback(boolean required) throws SQLException {
    delegate.rollback(required);
  }

  @Override
  public boolean isCached(MappedStatement ms, CacheKey key) {
    return delegate.isCached(ms, key);
  }

  @Override
  public void clearLocalCache() {
    delegate.clearLocalCache();
  }

  @Override
  public void deferLoad(MappedStatement ms, MetaObject resultObject, String property, CacheKey key,
      Class<?> targetType) {
    delegate.deferLoad(ms, resultObject, property, key, targetType);
  }

  @Override
  public Transaction getTransaction() {
    return delegate.getTransaction();
  }

  @Override
  public void close(boolean forceRollback) {
    delegate.close(forceRollback);
  }

  @Override
  public boolean isClosed() {
    return delegate.isClosed();
  }

  @Override
  public void setExecutorWrapper(Executor executor) {
    delegate.setExecutorWrapper(executor);
  }
}
