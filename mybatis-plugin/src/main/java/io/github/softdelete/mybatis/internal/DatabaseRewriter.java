package io.github.softdelete.mybatis.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.lang.ref.WeakReference;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.keygen.SelectKeyGenerator;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.scripting.defaults.RawSqlSource;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/** Hands MyBatis rewritten statements for the soft tables of one database. */
public final class DatabaseRewriter {
  private final SoftTables tables;
  private final SqlCache sqlCache;
  private final DeletionAudit audit;
  private final boolean cascades;
  // per mode: original statement -> copy whose SQL source rewrites. The same copy every time, so that
  // BatchExecutor, which compares statement objects, keeps adding to the same batch.
  private final Map<SoftDeleteMode, Cache<MappedStatement, MappedStatement>> copiesByMode =
      new EnumMap<>(SoftDeleteMode.class);
  // statement id -> whether its static SQL mentions no soft table. Keyed by the id (a String, its hash
  // cached) so that a lookup allocates nothing; the SQL source, held weakly, tells a statement of another
  // Configuration with the same id from this one. A plain map: its reads take no lock and record nothing,
  // and statement ids are few (it is emptied should they ever pass the cache size).
  private final Map<String, StaticVerdict> staticVerdicts = new ConcurrentHashMap<>();
  private final int maximumSize;

  DatabaseRewriter(SoftTables tables, SqlCache sqlCache, int maximumSize, DeletionAudit audit, boolean cascades) {
    this.tables = tables;
    this.sqlCache = sqlCache;
    this.audit = audit;
    this.cascades = cascades;
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      // weak keys: compared by identity, and gone with the Configuration they belong to
      copiesByMode.put(mode, Caffeine.newBuilder().weakKeys().maximumSize(maximumSize).build());
    }
    this.maximumSize = maximumSize;
  }

  /**
   * Whether {@code ms} runs as MyBatis built it in every mode, known without building its SQL: its SQL is
   * static and mentions no soft table. {@code false} when that takes a look at the SQL of this call.
   */
  boolean passesUntouched(MappedStatement ms) {
    SqlSource source = ms.getSqlSource();
    if (!(source instanceof RawSqlSource || source instanceof StaticSqlSource)) {
      return false;
    }
    StaticVerdict verdict = staticVerdicts.get(ms.getId());
    if (verdict == null || verdict.source.get() != source) {
      // static SQL does not depend on the parameter
      verdict = new StaticVerdict(new WeakReference<>(source),
          !tables.mayBeMentionedIn(source.getBoundSql(null).getSql()));
      if (staticVerdicts.size() >= maximumSize) {
        staticVerdicts.clear();
      }
      staticVerdicts.put(ms.getId(), verdict);
    }
    return verdict.untouched;
  }

  /**
   * Runs the four-argument {@code Executor.query} on {@code executor} with rewritten SQL and a cache key that
   * includes the mode; as called when nothing changes.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  <E> List<E> query(Executor executor, MappedStatement ms, Object parameter, RowBounds rowBounds,
      ResultHandler<?> handler, SoftDeleteMode mode) throws SQLException {
    BoundSql boundSql = ms.getBoundSql(parameter);
    String sql = querySql(ms, boundSql.getSql(), mode);
    if (sql == boundSql.getSql()) {
      return executor.query(ms, parameter, rowBounds, handler);
    }
    BoundSql rewritten = BoundSqls.withSql(ms.getConfiguration(), boundSql, sql);
    // keyed by the original SQL, as MyBatis keys it on every other path, plus the mode
    CacheKey key = CacheKeys.withModeOwned(executor.createCacheKey(ms, parameter, rowBounds, boundSql), mode);
    return executor.query(ms, parameter, rowBounds, handler, key, rewritten);
  }

  /**
   * Runs the six-argument {@code Executor.query} on {@code executor}, as PageHelper and others call it with SQL
   * and a key of their own, with rewritten SQL and the key plus the mode; as called when nothing changes.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  <E> List<E> query(Executor executor, MappedStatement ms, Object parameter, RowBounds rowBounds,
      ResultHandler<?> handler, CacheKey key, BoundSql boundSql, SoftDeleteMode mode) throws SQLException {
    String sql = querySql(ms, boundSql.getSql(), mode);
    if (sql == boundSql.getSql()) {
      return executor.query(ms, parameter, rowBounds, handler, key, boundSql);
    }
    BoundSql rewritten = BoundSqls.withSql(ms.getConfiguration(), boundSql, sql);
    return executor.query(ms, parameter, rowBounds, handler, CacheKeys.withMode(key, mode), rewritten);
  }

  /**
   * The SQL a query runs in {@code mode}. A query keeps the application's parameters as they are, so a DELETE
   * run as one ({@code DELETE ... RETURNING} in a {@code <select>}) whose conversion adds values (who, why) or
   * statements (cascades) is refused rather than run with parameters that do not line up.
   */
  private String querySql(MappedStatement ms, String sql, SoftDeleteMode mode) {
    RewriteResult result = sqlCache.resultFor(ms.getId(), sql, mode);
    if (result == null) {
      return sql;
    }
    if (result.bindings() != null || !result.before().isEmpty()) {
      throw SoftDeleteException.refused(ms.getId(), result.table(), "a DELETE run as a query (RETURNING in a"
          + " <select>) cannot carry audit values or cascades; map it as <update>, or drop RETURNING", null);
    }
    return result.sql();
  }

  /**
   * {@code key}, computed by {@code Executor.createCacheKey} for {@code boundSql}, plus the mode when the
   * query's SQL changes in that mode. Nested selects ask for their key this way before they run.
   */
  CacheKey cacheKey(MappedStatement ms, BoundSql boundSql, CacheKey key, SoftDeleteMode mode) {
    String sql = boundSql.getSql();
    return querySql(ms, sql, mode) == sql ? key : CacheKeys.withMode(key, mode);
  }

  /**
   * The statement to run for an update or a cursor, whose SQL MyBatis computes later (after a
   * {@code <selectKey>} has run): {@code ms} itself when its SQL is static and needs no change, otherwise a
   * cached copy whose SQL source rewrites in {@code mode}.
   *
   * @throws SoftDeleteException when the engine refuses static SQL; dynamic SQL is refused when MyBatis
   *     builds it, still before it reaches the database
   */
  MappedStatement statementFor(MappedStatement ms, Object parameter, SoftDeleteMode mode) {
    Cache<MappedStatement, MappedStatement> copies = copiesByMode.get(mode);
    // a copy is made only for SQL that changes in this mode (or may: dynamic SQL), so a hit decides at once
    MappedStatement copy = copies.getIfPresent(ms);
    if (copy != null) {
      return copy;
    }
    if (passesUntouched(ms)) {
      return ms;
    }
    SqlSource source = ms.getSqlSource();
    // static SQL does not depend on the parameter, so it can be looked at now
    if (source instanceof RawSqlSource || source instanceof StaticSqlSource) {
      String sql = source.getBoundSql(parameter).getSql();
      if (sqlCache.sqlFor(ms.getId(), sql, mode) == sql) {
        return ms;
      }
    }
    return copies.get(ms, original -> MappedStatements.withSqlSource(original,
        new RewritingSqlSource(original.getSqlSource(), original.getConfiguration(), original.getId(), sqlCache,
            mode, audit)));
  }
  /**
   * Runs an update: the rewritten statement, after its cascade's statements when it has any, through
   * {@code executor} (so in the caller's transaction). In {@code Undelete}, an integrity violation becomes
   * a {@link SoftDeleteException} that names the constraint.
   */
  public int update(Executor executor, MappedStatement ms, Object parameter, SoftDeleteMode mode)
      throws SQLException {
    try {
      if (cascades && !(ms.getKeyGenerator() instanceof SelectKeyGenerator)) {
        // the cascade needs the SQL before the statement runs; without <selectKey> it is known now
        BoundSql boundSql = ms.getBoundSql(parameter);
        RewriteResult result = sqlCache.resultFor(ms.getId(), boundSql.getSql(), mode);
        if (result != null && !result.before().isEmpty()) {
          return CascadeRun.run(executor, ms, parameter, boundSql, result, new AddedValues(audit));
        }
      }
      return executor.update(statementFor(ms, parameter, mode), parameter);
    } catch (CascadeRun.Failure failure) {
      throw translated(ms, mode, failure.getCause(), failure.table);
    } catch (SQLException e) {
      throw translated(ms, mode, e, null);
    } catch (RuntimeException e) {
      throw translated(ms, mode, e, null);
    }
  }

  /** {@code e} itself, or in {@code Undelete} the refusal that names the constraint a restore violated. */
  private <E extends Exception> E translated(MappedStatement ms, SoftDeleteMode mode, E e, String table)
      throws SoftDeleteException {
    SQLException violation = mode == SoftDeleteMode.UNDELETE ? ConstraintViolations.find(e) : null;
    if (violation == null) {
      return e;
    }
    throw SoftDeleteException.refused(ms.getId(), table != null ? table : tableOf(ms, mode),
        ConstraintViolations.restoreRefusal(violation), e);
  }

  // the statement ran, so its SQL is static or was rewritten moments ago: the copy's source knows its table
  private String tableOf(MappedStatement ms, SoftDeleteMode mode) {
    MappedStatement copy = copiesByMode.get(mode).getIfPresent(ms);
    return copy != null && copy.getSqlSource() instanceof RewritingSqlSource source ? source.lastTable() : null;
  }

  private record StaticVerdict(WeakReference<SqlSource> source, boolean untouched) {}
}
