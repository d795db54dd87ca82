package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.engine.Meters;
import io.github.softdelete.mybatis.engine.RewriteCache;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.keygen.SelectKeyGenerator;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/**
 * The soft tables of one database as MyBatis meets them: for each mapped statement its {@link StatementPlan} per
 * mode and scope of tables, which every path (query, cursor, update, cache key, nested select) reads, and the
 * engine's answers for SQL that only a call knows (dynamic SQL, or SQL a plugin before this one changed).
 *
 * <p>The thread's mode and scope of tables are read here, once per call, after the one lookup that tells a
 * statement of no soft table, which needs neither.
 */
public final class StatementPlans {
  private final SoftTables tables;
  private final EngineAnswers answers;
  // each call of a statement that mentions a soft table, by what became of it
  private final Meters meters;
  private final DeletionAudit audit;
  // cascades or integrity checks: statements planned to run before some DELETEs
  private final boolean cascades;
  private final int maximumSize;
  // keyed by statement id (a String, its hash cached), so that a lookup allocates nothing; the entry tells a
  // statement of another Configuration with the same id from this one. A plain map: its reads take no lock and
  // record nothing, and statement ids are few (it is emptied should they ever pass the cache size).
  private final Map<String, KnownStatement> byId = new ConcurrentHashMap<>();
  private final ScopedTables scopedTables;

  StatementPlans(SoftTables tables, EngineAnswers answers, int maximumSize, DeletionAudit audit, boolean cascades) {
    this.tables = tables;
    this.answers = answers;
    this.meters = answers.meters();
    this.audit = audit;
    this.cascades = cascades;
    this.maximumSize = maximumSize;
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
    KnownStatement known = known(ms);
    if (known.untouched()) {
      return executor.query(ms, parameter, rowBounds, handler);
    }
    SoftDeleteMode mode = SoftDeleteMode.current();
    BoundSql boundSql = known.isStatic() ? null : ms.getBoundSql(parameter);
    String original = known.isStatic() ? known.sql() : boundSql.getSql();
    IncludeDeleted.Tables tables = scopedTables.relevant(IncludeDeleted.currentTables(), original);
    String sql = querySql(ms, answer(ms, known, original, mode, tables), original);
    if (sql == original) {
      meters.unchanged(ms.getId());
      return executor.query(ms, parameter, rowBounds, handler);
    }
    BoundSql rewritten = boundSql == null ? known.boundSql(ms, sql, parameter)
        : BoundSqls.withSql(ms.getConfiguration(), boundSql, sql);
    meters.rewritten(ms.getId());
    CacheKey key =
        CacheKeys.withModeOwned(executor.createCacheKey(ms, parameter, rowBounds, rewritten), mode, tables);
    return executor.query(ms, parameter, rowBounds, handler, key, rewritten);
  }

  /**
   * Runs the six-argument {@code Executor.query} on {@code executor}, as PageHelper and others call it with SQL
   * and a key of their own, with rewritten SQL and the key plus the mode (and the scope of tables narrowed to the
   * statement); as called when nothing changes.
   *
   * Without a {@code BoundSql} (a lazy load of a deserialized object passes neither SQL nor key), MyBatis's
   * statement handler builds the SQL when the statement runs, so the statement that runs is one whose SQL
   * source rewrites. A {@code null} key stays {@code null}, as MyBatis passed it.
   *
   * @throws SoftDeleteException when the engine refuses the statement
   */
  <E> List<E> query(Executor executor, MappedStatement ms, Object parameter, RowBounds rowBounds,
      ResultHandler<?> handler, CacheKey key, BoundSql boundSql) throws SQLException {
    KnownStatement known = known(ms);
    if (known.untouched() && (boundSql == null || boundSql.getSql() == known.sql())) {
      return executor.query(ms, parameter, rowBounds, handler, key, boundSql);
    }
    SoftDeleteMode mode = SoftDeleteMode.current();
    IncludeDeleted.Tables scope = IncludeDeleted.currentTables();
    if (boundSql == null) {
      // the SQL is not known yet: the key carries the scope's tables that are soft here
      IncludeDeleted.Tables tables = scopedTables.relevant(scope, null);
      MappedStatement toRun = statementFor(ms, known, mode, tables);
      return executor.query(toRun, parameter, rowBounds, handler, toRun == ms ? key : withMode(key, mode, tables),
          null);
    }
    IncludeDeleted.Tables tables = scopedTables.relevant(scope, boundSql.getSql());
    String sql = querySql(ms, answer(ms, known, boundSql.getSql(), mode, tables), boundSql.getSql());
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
   * The cache key of the query {@code boundSql}, as {@code executor.createCacheKey} computes it for the SQL that
   * runs in the thread's mode and scope of tables, plus the mode and the scope when that SQL differs. Nested
   * selects ask for their key this way before they run.
   */
  CacheKey cacheKey(Executor executor, MappedStatement ms, Object parameter, RowBounds rowBounds,
      BoundSql boundSql) {
    KnownStatement known = known(ms);
    if (boundSql == null || known.untouched() && boundSql.getSql() == known.sql()) {
      // without SQL to key (MyBatis itself needs one) the delegate answers, and the query adds the mode to its key
      return executor.createCacheKey(ms, parameter, rowBounds, boundSql);
    }
    SoftDeleteMode mode = SoftDeleteMode.current();
    IncludeDeleted.Tables tables = scopedTables.relevant(IncludeDeleted.currentTables(), boundSql.getSql());
    String sql = querySql(ms, answer(ms, known, boundSql.getSql(), mode, tables), boundSql.getSql());
    if (sql == boundSql.getSql()) {
      return executor.createCacheKey(ms, parameter, rowBounds, boundSql);
    }
    BoundSql rewritten = BoundSqls.withSql(ms.getConfiguration(), boundSql, sql);
    return CacheKeys.withModeOwned(executor.createCacheKey(ms, parameter, rowBounds, rewritten), mode, tables);
  }

  /**
   * The statement a cursor runs in the thread's mode and scope of tables, whose SQL MyBatis computes when it
   * runs.
   */
  MappedStatement cursorStatement(MappedStatement ms) {
    KnownStatement known = known(ms);
    if (known.untouched()) {
      return ms;
    }
    return statementFor(ms, known, SoftDeleteMode.current(), IncludeDeleted.currentTables());
  }

  /**
   * Runs an update in the thread's mode and scope of tables: the statement of its plan, after its cascade's
   * statements when it has any, through {@code executor} (so in the caller's transaction). In {@code Undelete},
   * an integrity violation becomes a {@link SoftDeleteException} that names the constraint, and the table this
   * call restores.
   */
  public int update(Executor executor, MappedStatement ms, Object parameter) throws SQLException {
    KnownStatement known = known(ms);
    if (known.untouched()) {
      return executor.update(ms, parameter);
    }
    SoftDeleteMode mode = SoftDeleteMode.current();
    // in Undelete only: elsewhere no failure is translated, so no call needs its table
    RestoreCall call = mode == SoftDeleteMode.UNDELETE ? RestoreCall.open() : null;
    try {
      return run(executor, ms, known, parameter, mode, IncludeDeleted.currentTables());
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

  /**
   * Runs the statement of the plan, after its cascade's statements when it has any. These need the SQL before
   * the statement runs: static SQL knows it from its plan, dynamic SQL is built for this call, once, and handed
   * to the statement's SQL source; with a {@code <selectKey>} it is known only when the statement runs.
   */
  private int run(Executor executor, MappedStatement ms, KnownStatement known, Object parameter,
      SoftDeleteMode mode, IncludeDeleted.Tables scope) throws SQLException, CascadeRun.Failure {
    if (!cascades || ms.getKeyGenerator() instanceof SelectKeyGenerator) {
      return executor.update(statementFor(ms, known, mode, scope), parameter);
    }
    if (known.isStatic()) {
      StatementPlan plan = plan(ms, known, mode, scopedTables.relevant(scope, known.sql()));
      if (!plan.hasStatementsBefore()) {
        return executor.update(statementFor(ms, known, mode, scope), parameter);
      }
      meters.rewritten(ms.getId());
      return CascadeRun.run(executor, ms, parameter, ms.getBoundSql(parameter), plan.result(),
          new AddedValues(audit));
    }
    BoundSql boundSql = ms.getBoundSql(parameter);
    RewriteResult result =
        answers.resultFor(ms.getId(), boundSql.getSql(), mode, scopedTables.relevant(scope, boundSql.getSql()));
    if (result != null && !result.before().isEmpty()) {
      meters.rewritten(ms.getId());
      return CascadeRun.run(executor, ms, parameter, boundSql, result, new AddedValues(audit));
    }
    MappedStatement toRun = statementFor(ms, known, mode, scope);
    return PerCallSqlSource.withBuilt(toRun, parameter, boundSql, result, () -> executor.update(toRun, parameter));
  }

  /**
   * The statement to run for an update or a cursor, whose SQL MyBatis computes later (after a
   * {@code <selectKey>} has run): {@code ms} itself when its SQL is static and needs no change, otherwise the
   * plan's copy, whose SQL source rewrites in {@code mode} (static SQL: once, when the copy is made) and in the
   * scope of tables {@code scope}, narrowed to the ones that can change the statement.
   *
   * @throws SoftDeleteException when the engine refuses static SQL; dynamic SQL is refused when MyBatis
   *     builds it, still before it reaches the database
   */
  private MappedStatement statementFor(MappedStatement ms, KnownStatement known, SoftDeleteMode mode,
      IncludeDeleted.Tables scope) {
    if (known.untouched()) {
      return ms;
    }
    // dynamic SQL is not known yet: its source narrows the scope again for the SQL it meets
    IncludeDeleted.Tables tables = scopedTables.relevant(scope, known.sql());
    StatementPlan plan = plan(ms, known, mode, tables);
    if (plan.unchanged()) {
      meters.unchanged(ms.getId());
      return ms;
    }
    if (plan.bindsPerCall()) {
      // its source counts each call itself
      return plan.toRun(() -> MappedStatements.withSqlSource(ms, new PerCallSqlSource(ms.getSqlSource(),
          ms.getConfiguration(), ms.getId(), answers, mode, tables, scopedTables, audit, meters)));
    }
    meters.rewritten(ms.getId());
    RewriteResult result = plan.result();
    return plan.toRun(() -> MappedStatements.withSqlSource(ms, new FixedSqlSource(ms.getConfiguration(),
        result.sql(), ms.getBoundSql(null).getParameterMappings(),
        mode == SoftDeleteMode.UNDELETE ? result.table() : null)));
  }

  private KnownStatement known(MappedStatement ms) {
    KnownStatement known = byId.get(ms.getId());
    if (known == null || !known.isOf(ms)) {
      known = new KnownStatement(ms, tables);
      if (byId.size() >= maximumSize) {
        byId.clear();
      }
      byId.put(ms.getId(), known);
    }
    return known;
  }

  /** The plan of {@code ms} in {@code mode} and {@code tables}, asking the engine for static SQL once. */
  private StatementPlan plan(MappedStatement ms, KnownStatement known, SoftDeleteMode mode,
      IncludeDeleted.Tables tables) {
    StatementPlan plan = known.plan(mode, tables);
    if (plan != null) {
      return plan;
    }
    // a refusal throws here, so nothing is kept: the next call asks the engine, which keeps refusals
    plan = known.isStatic() ? StatementPlan.ofStatic(answers.resultFor(ms.getId(), known.sql(), mode, tables))
        : StatementPlan.ofDynamic();
    return known.keep(mode, tables, plan);
  }

  /**
   * The engine's answer for {@code sql}, a query's: from the plan when it is the statement's static SQL, the very
   * string (a plugin before this one may have changed it), otherwise from the engine's cache of answers.
   */
  private RewriteResult answer(MappedStatement ms, KnownStatement known, String sql, SoftDeleteMode mode,
      IncludeDeleted.Tables tables) {
    if (sql == known.sql()) {
      return plan(ms, known, mode, tables).result();
    }
    return answers.resultFor(ms.getId(), sql, mode, tables);
  }

  /**
   * The SQL a query runs for the answer {@code result} to {@code sql} ({@code sql} itself when unchanged). A
   * query keeps the application's parameters as they are, so a DELETE run as one ({@code DELETE ... RETURNING}
   * in a {@code <select>}) whose conversion adds values (who, why) or statements (cascades) is refused rather
   * than run with parameters that do not line up.
   */
  private String querySql(MappedStatement ms, RewriteResult result, String sql) {
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
