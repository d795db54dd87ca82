package io.github.softdelete.mybatis.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import java.util.List;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/** Hands MyBatis rewritten statements for the soft tables of one database. */
public final class DatabaseRewriter {
  private final SqlCache sqlCache;
  // per mode: original statement -> copy whose SQL source rewrites. The same copy every time, so that
  // BatchExecutor, which compares statement objects, keeps adding to the same batch.
  private final Cache<MappedStatement, MappedStatement>[] copiesByMode;

  @SuppressWarnings("unchecked")
  DatabaseRewriter(SqlCache sqlCache, int maximumSize) {
    this.sqlCache = sqlCache;
    SoftDeleteMode[] modes = SoftDeleteMode.values();
    this.copiesByMode = new Cache[modes.length];
    for (SoftDeleteMode mode : modes) {
      // weak keys: compared by identity, and gone with the Configuration they belong to
      copiesByMode[mode.ordinal()] = Caffeine.newBuilder().weakKeys().maximumSize(maximumSize).build();
    }
  }

  /**
   * Runs one of the two {@code Executor.query} calls with rewritten SQL and a cache key that includes the
   * mode; as called when nothing changes.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  public List<Object> query(Invocation invocation, SoftDeleteMode mode) throws Throwable {
    Executor executor = (Executor) invocation.getTarget();
    Object[] args = invocation.getArgs();
    MappedStatement ms = (MappedStatement) args[0];
    Object parameter = args[1];
    RowBounds rowBounds = (RowBounds) args[2];
    ResultHandler<?> handler = (ResultHandler<?>) args[3];
    boolean full = args.length == 6;
    BoundSql boundSql = full ? (BoundSql) args[5] : ms.getBoundSql(parameter);

    String sql = sqlCache.sqlFor(ms.getId(), boundSql.getSql(), mode);
    if (sql == boundSql.getSql()) {
      return castList(invocation.proceed());
    }
    BoundSql rewritten = BoundSqls.withSql(ms.getConfiguration(), boundSql, sql);
    CacheKey key = full
        ? CacheKeys.copyWithMode((CacheKey) args[4], mode)
        : CacheKeys.addMode(executor.createCacheKey(ms, parameter, rowBounds, rewritten), mode);
    return executor.query(ms, parameter, rowBounds, handler, key, rewritten);
  }

  /**
   * The statement to run instead of {@code ms} for an update or a cursor, whose SQL MyBatis computes later:
   * a cached copy whose SQL source rewrites in {@code mode}.
   */
  public MappedStatement statementFor(MappedStatement ms, SoftDeleteMode mode) {
    return copiesByMode[mode.ordinal()].get(ms, original -> MappedStatements.withSqlSource(original,
        new RewritingSqlSource(original.getSqlSource(), original.getConfiguration(), original.getId(), sqlCache,
            mode)));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(Object result) {
    return (List<Object>) result;
  }
}
