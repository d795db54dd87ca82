package io.github.softdelete.mybatis.internal;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.engine.Caches;
import io.github.softdelete.mybatis.engine.Meters;
import io.github.softdelete.mybatis.engine.RewriteCache;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.keygen.SelectKeyGenerator;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/** Hands MyBatis rewritten statements for the soft tables of one database. */
public final class StatementPlans {
  private static final int MAXIMUM_SCOPES_PER_STATEMENT = 64;

  private final EngineAnswers answers;
  // each call of a statement that mentions a soft table, by what became of it
  private final Meters meters;
  private final DeletionAudit audit;
  // cascades or integrity checks: statements planned to run before some DELETEs
  private final boolean cascades;
  // per mode: original statement -> copy whose SQL source rewrites. The same copy every time, so that
  // BatchExecutor, which compares statement objects, keeps adding to the same batch.
  private final Map<SoftDeleteMode, Cache<MappedStatement, MappedStatement>> copiesByMode =
      new EnumMap<>(SoftDeleteMode.class);
  // inside a scope of tables: original statement -> its copy per (mode, tables), as copiesByMode
  private final Cache<MappedStatement, Map<Scope, MappedStatement>> scopedCopies;
  private final StaticStatements statics;
  private final ScopedTables scopedTables;

  StatementPlans(SoftTables tables, EngineAnswers answers, int maximumSize, DeletionAudit audit, boolean cascades) {
    this.answers = answers;
    this.meters = answers.meters();
    this.audit = audit;
    this.cascades = cascades;
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      // weak keys: compared by identity. Soft values: a copy holds its Configuration, which holds the key, so
      // with strong values an entry would outlive its Configuration until evicted by size.
      copiesByMode.put(mode, Caches.upkeepOnCallingThread().weakKeys().softValues().maximumSize(maximumSize).build());
    }
    this.scopedCopies = Caches.upkeepOnCallingThread().weakKeys().softValues().maximumSize(maximumSize).build();
    this.statics = new StaticStatements(tables, maximumSize);
    this.scopedTables = new ScopedTables(tables);
  }

  /**
   * Runs the four-argument {@code Executor.query} on {@code executor} with the SQL of the thread's mode and scope
   * of tables, and a cache key that includes both; as called when nothing changes.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  <E> List<E> query(Executor executor, MappedStatement ms, Object parameter, RowBounds rowBounds,
      ResultHandler<?> handler) throws SQLException {
    StaticStatements.Known known = statics.of(ms);
    if (known != null && known.untouched()) {
      return executor.query(ms, parameter, rowBounds, handler);
    }
    // read after the check above: a statement of no soft table needs no mode
    SoftDeleteMode mode = SoftDeleteMode.current();
    IncludeDeleted.Tables scope = IncludeDeleted.currentTables();
    BoundSql rewritten;
    IncludeDeleted.Tables tables;
    if (known != null) {
      tables = scopedTables.relevant(scope, known.sql());
      String sql;
      if (!tables.isEmpty()) {
        // what a statement remembers is per mode alone; inside a scope of tables the bounded cache answers
        sql = querySql(ms, known.sql(), mode, tables);
      } else {
        sql = known.querySql(mode);
        if (sql == null) {
          sql = querySql(ms, known.sql(), mode, tables);
          known.rememberQuerySql(mode, sql);
        }
      }
      if (sql == known.sql()) {
        meters.unchanged(ms.getId());
        return executor.query(ms, parameter, rowBounds, handler);
      }
      rewritten = known.boundSql(ms, sql, parameter);
    } else {
      BoundSql boundSql = ms.getBoundSql(parameter);
      tables = scopedTables.relevant(scope, boundSql.getSql());
      String sql = querySql(ms, boundSql.getSql(), mode, tables);
      if (sql == boundSql.getSql()) {
        meters.unchanged(ms.getId());
        return executor.query(ms, parameter, rowBounds, handler);
      }
      rewritten = BoundSqls.withSql(ms.getConfiguration(), boundSql, sql);
    }
    meters.rewritten(ms.getId());
    CacheKey key =
        CacheKeys.withModeOwned(executor.createCacheKey(ms, parameter, rowBounds, rewritten), mode, tables);
    return executor.query(ms, parameter, rowBounds, handler, key, rewritten);
  }

  /**
   * Runs the six-argument {@code Executor.query} on {@code executor}, as PageHelper and others call it with SQL
   * and a key of their own, with rewritten SQL and the key plus the mode (and the scope of tables {@code scope}
   * narrowed to the statement); as called when nothing changes.
   *
   * Without a {@code BoundSql} (a lazy load of a deserialized object passes neither SQL nor key), MyBatis's
   * statement handler builds the SQL when the statement runs, so the statement that runs is one whose SQL
   * source rewrites. A {@code null} key stays {@code null}, as MyBatis passed it.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  <E> List<E> query(Executor executor, MappedStatement ms, Object parameter, RowBounds rowBounds,
      ResultHandler<?> handler, CacheKey key, BoundSql boundSql, SoftDeleteMode mode, IncludeDeleted.Tables scope)
      throws SQLException {
    if (boundSql == null) {
      // the SQL is not known yet: the key carries the scope's tables that are soft here
      IncludeDeleted.Tables tables = scopedTables.relevant(scope, null);
      MappedStatement toRun = statementFor(ms, mode, tables);
      return executor.query(toRun, parameter, rowBounds, handler, toRun == ms ? key : withMode(key, mode, tables),
          null);
    }
    IncludeDeleted.Tables tables = scopedTables.relevant(scope, boundSql.getSql());
    String sql = querySql(ms, boundSql.getSql(), mode, tables);
    if (sql == boundSql.getSql()) {
      meters.unchanged(ms.getId());
      return executor.query(ms, parameter, rowBounds, handler, key, boundSql);
    }
    meters.rewritten(ms.getId());
    BoundSql rewritten = BoundSqls.withSql(ms.getConfiguration(), boundSql, sql);
    return executor.query(ms, parameter, rowBounds, handler, withMode(key, mode, tables), rewritten);
  }

  private static CacheKey withMode(CacheKey key, SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    return key == null ? null : CacheKeys.withMode(key, mode, tables);
  }

  /**
   * The SQL a query runs in {@code mode}. A query keeps the application's parameters as they are, so a DELETE
   * run as one ({@code DELETE ... RETURNING} in a {@code <select>}) whose conversion adds values (who, why) or
   * statements (cascades) is refused rather than run with parameters that do not line up.
   */
  private String querySql(MappedStatement ms, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    RewriteResult result = answers.resultFor(ms.getId(), sql, mode, tables);
    if (result == null) {
      return sql;
    }
    String refusal = StatementRules.asQuery(result);
    if (refusal != null) {
      meters.refused(ms.getId());
      throw SoftDeleteException.refused(ms.getId(), result.table(), refusal, null);
    }
    return result.sql();
  }

  /** The engine's cached answers, which {@code verifyOnStartup} fills before the first statement runs. */
  RewriteCache answers() {
    return answers.answers();
  }

  /**
   * The cache key of the query {@code boundSql}, as {@code executor.createCacheKey} computes it for the SQL that
   * runs in {@code mode} and the scope of tables, plus the mode and the scope when that SQL differs. Nested
   * selects ask for their key this way before they run.
   */
  CacheKey cacheKey(Executor executor, MappedStatement ms, Object parameter, RowBounds rowBounds, BoundSql boundSql,
      SoftDeleteMode mode, IncludeDeleted.Tables scope) {
    if (boundSql == null) {
      // no SQL to key (MyBatis itself needs one): the delegate answers, and the query adds the mode to its key
      return executor.createCacheKey(ms, parameter, rowBounds, null);
    }
    IncludeDeleted.Tables tables = scopedTables.relevant(scope, boundSql.getSql());
    String sql = querySql(ms, boundSql.getSql(), mode, tables);
    if (sql == boundSql.getSql()) {
      return executor.createCacheKey(ms, parameter, rowBounds, boundSql);
    }
    BoundSql rewritten = BoundSqls.withSql(ms.getConfiguration(), boundSql, sql);
    return CacheKeys.withModeOwned(executor.createCacheKey(ms, parameter, rowBounds, rewritten), mode, tables);
  }

  /**
   * The statement to run for an update or a cursor, whose SQL MyBatis computes later (after a
   * {@code <selectKey>} has run): {@code ms} itself when its SQL is static and needs no change, otherwise a
   * cached copy whose SQL source rewrites in {@code mode} (static SQL: once, when the copy is made), and in
   * the scope of tables {@code scope}, narrowed to the ones that can change the statement.
   *
   * @throws SoftDeleteException when the engine refuses static SQL; dynamic SQL is refused when MyBatis
   *     builds it, still before it reaches the database
   */
  MappedStatement statementFor(MappedStatement ms, SoftDeleteMode mode, IncludeDeleted.Tables scope) {
    StaticStatements.Known known = statics.of(ms);
    if (known == null) {
      // its SQL is known when it runs, where the source narrows the scope again
      IncludeDeleted.Tables tables = scopedTables.relevant(scope, null);
      if (!tables.isEmpty()) {
        return scopedCopy(ms, new Scope(mode, tables), original -> rewritingCopy(original, mode, tables));
      }
      return copiesByMode.get(mode).get(ms, original -> rewritingCopy(original, mode, tables));
    }
    if (known.untouched()) {
      return ms;
    }
    IncludeDeleted.Tables tables = scopedTables.relevant(scope, known.sql());
    if (!tables.isEmpty()) {
      RewriteResult result = answers.resultFor(ms.getId(), known.sql(), mode, tables);
      return result == null ? ms
          : scopedCopy(ms, new Scope(mode, tables), original -> staticCopy(original, result, mode, tables));
    }
    MappedStatement toRun = known.update(mode);
    if (toRun == null) {
      RewriteResult result = answers.resultFor(ms.getId(), known.sql(), mode);
      toRun = result == null ? ms
          : copiesByMode.get(mode).get(ms, original -> staticCopy(original, result, mode, tables));
      known.rememberUpdate(mode, toRun);
    }
    // a source that rewrites per call counts each call itself
    if (toRun == ms) {
      meters.unchanged(ms.getId());
    } else if (!(toRun.getSqlSource() instanceof PerCallSqlSource)) {
      meters.rewritten(ms.getId());
    }
    return toRun;
  }

  // the scopes a statement meets are the few the application's code opens; a cap keeps made-up ones bounded
  private MappedStatement scopedCopy(MappedStatement ms, Scope scope,
      Function<MappedStatement, MappedStatement> copy) {
    Map<Scope, MappedStatement> byScope = scopedCopies.get(ms, original -> new ConcurrentHashMap<>());
    MappedStatement known = byScope.get(scope);
    if (known != null) {
      return known;
    }
    if (byScope.size() >= MAXIMUM_SCOPES_PER_STATEMENT) {
      byScope.clear();
    }
    return byScope.computeIfAbsent(scope, s -> copy.apply(ms));
  }

  private MappedStatement rewritingCopy(MappedStatement original, SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    return MappedStatements.withSqlSource(original, new PerCallSqlSource(original.getSqlSource(),
        original.getConfiguration(), original.getId(), answers, mode, tables, scopedTables, audit, meters));
  }

  // values added per call (who, why) and cascades still need the rewriting source
  private MappedStatement staticCopy(MappedStatement original, RewriteResult result, SoftDeleteMode mode,
      IncludeDeleted.Tables tables) {
    if (result.bindings() != null || !result.before().isEmpty()) {
      return rewritingCopy(original, mode, tables);
    }
    return MappedStatements.withSqlSource(original, new FixedSqlSource(original.getConfiguration(),
        result.sql(), original.getBoundSql(null).getParameterMappings(),
        mode == SoftDeleteMode.UNDELETE ? result.table() : null));
  }

  /**
   * Runs an update in {@code mode} and the scope of tables {@code scope}: the rewritten statement, after its cascade's statements when it has any, through
   * {@code executor} (so in the caller's transaction). In {@code Undelete}, an integrity violation becomes
   * a {@link SoftDeleteException} that names the constraint, and the table this call restores.
   */
  public int update(Executor executor, MappedStatement ms, Object parameter, SoftDeleteMode mode,
      IncludeDeleted.Tables scope) throws SQLException {
    // in Undelete only: elsewhere no failure is translated, so no call needs its table
    RestoreCall call = mode == SoftDeleteMode.UNDELETE ? RestoreCall.open() : null;
    try {
      return run(executor, ms, parameter, mode, scope);
    } catch (CascadeRun.Failure failure) {
      throw call == null ? failure.getCause() : translated(ms, failure.getCause(), failure.table);
    } catch (SQLException e) {
      throw call == null ? e : translated(ms, e, call.table());
    } catch (RuntimeException e) {
      throw call == null ? e : translated(ms, e, call.table());
    } finally {
      if (call != null) {
        call.close();
      }
    }
  }

  private int run(Executor executor, MappedStatement ms, Object parameter, SoftDeleteMode mode,
      IncludeDeleted.Tables scope) throws SQLException, CascadeRun.Failure {
    if (cascades && !(ms.getKeyGenerator() instanceof SelectKeyGenerator)) {
      Integer cascaded = cascaded(executor, ms, parameter, mode, scope);
      if (cascaded != null) {
        return cascaded;
      }
    }
    return executor.update(statementFor(ms, mode, scope), parameter);
  }

  /**
   * Runs the statement after its cascade's statements, or returns {@code null} when it has none. The cascade
   * needs the SQL before the statement runs; without {@code <selectKey>} it is known now, and static SQL is
   * known without building it for this call.
   */
  private Integer cascaded(Executor executor, MappedStatement ms, Object parameter, SoftDeleteMode mode,
      IncludeDeleted.Tables scope) throws CascadeRun.Failure {
    StaticStatements.Known known = statics.of(ms);
    if (known != null && known.untouched()) {
      return null;
    }
    BoundSql boundSql = known == null ? ms.getBoundSql(parameter) : null;
    String sql = known == null ? boundSql.getSql() : known.sql();
    RewriteResult result = answers.resultFor(ms.getId(), sql, mode, scopedTables.relevant(scope, sql));
    if (result == null || result.before().isEmpty()) {
      return null;
    }
    meters.rewritten(ms.getId());
    return CascadeRun.run(executor, ms, parameter, boundSql != null ? boundSql : ms.getBoundSql(parameter), result,
        new AddedValues(audit));
  }

  /** A mode and a scope of tables, narrowed to the ones soft here: what a copy of a statement is made for. */
  private record Scope(SoftDeleteMode mode, IncludeDeleted.Tables tables) {}

  /** {@code e} itself, or the refusal that names the constraint a restore violated. */
  private static <E extends Exception> E translated(MappedStatement ms, E e, String table)
      throws SoftDeleteException {
    SQLException violation = ConstraintViolations.find(e);
    if (violation == null) {
      return e;
    }
    throw SoftDeleteException.refused(ms.getId(), table, ConstraintViolations.restoreRefusal(violation), e);
  }
}
