package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.Meters;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import java.sql.SQLException;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;

/**
 * Rewrites the SQL of every {@link BoundSql} the original source produces, in one fixed mode and scope of tables
 * (narrowed again to the SQL it meets).
 *
 * <p>Updates need this: MyBatis computes their SQL late, after a {@code <selectKey>} has filled in the
 * parameter, so the interceptor cannot hand over finished SQL as it does for queries. The values the library
 * adds (who deleted, why) are read here too, on the thread that runs the statement.
 */
final class PerCallSqlSource implements SqlSource {
  // this thread's call, whose SQL and answer were built before the statement ran (to find its cascades)
  private static final ThreadLocal<Built> BUILT = new ThreadLocal<>();

  private final SqlSource original;
  private final Configuration configuration;
  private final String statementId;
  private final EngineAnswers answers;
  private final SoftDeleteMode mode;
  private final IncludeDeleted.Tables tables;
  private final ScopedTables scopedTables;
  private final DeletionAudit audit;
  private final Meters meters;

  PerCallSqlSource(SqlSource original, Configuration configuration, String statementId, EngineAnswers answers,
      SoftDeleteMode mode, IncludeDeleted.Tables tables, ScopedTables scopedTables, DeletionAudit audit,
      Meters meters) {
    this.original = original;
    this.configuration = configuration;
    this.statementId = statementId;
    this.answers = answers;
    this.mode = mode;
    this.tables = tables;
    this.scopedTables = scopedTables;
    this.audit = audit;
    this.meters = meters;
  }

  /**
   * Runs {@code call}, in which {@code toRun}, a statement with this source, runs with {@code parameter}: its
   * source then takes {@code boundSql}, built for this call, and {@code result}, the engine's answer to it,
   * instead of building and asking again.
   */
  static <T> T withBuilt(MappedStatement toRun, Object parameter, BoundSql boundSql, RewriteResult result,
      SqlCall<T> call) throws SQLException {
    Built outer = BUILT.get();
    BUILT.set(new Built(toRun.getSqlSource(), parameter, boundSql, result));
    try {
      return call.run();
    } finally {
      if (outer == null) {
        BUILT.remove();
      } else {
        BUILT.set(outer);
      }
    }
  }

  @Override
  public BoundSql getBoundSql(Object parameterObject) {
    Built built = BUILT.get();
    BoundSql boundSql;
    RewriteResult result;
    // the call's own statement and parameter only: a plugin may run other statements inside the call
    if (built != null && built.source == this && built.parameter == parameterObject) {
      BUILT.remove();
      boundSql = built.boundSql;
      result = built.result;
    } else {
      boundSql = original.getBoundSql(parameterObject);
      result = answers.resultFor(statementId, boundSql.getSql(), mode,
          scopedTables.relevant(tables, boundSql.getSql()));
    }
    if (result == null) {
      meters.unchanged(statementId);
      return boundSql;
    }
    // only reached with cascade statements when the SQL could not be known before the statement ran (a <selectKey>)
    String refusal = StatementRules.withSelectKey(result);
    if (refusal != null) {
      meters.refused(statementId);
      throw SoftDeleteException.refused(statementId, result.table(), refusal, null);
    }
    meters.rewritten(statementId);
    if (mode == SoftDeleteMode.UNDELETE) {
      // for the message should the restore violate a constraint: this call's table, not a field all threads share
      RestoreCall.record(result.table());
    }
    return Bindings.bind(configuration, statementId, boundSql, result.sql(), result.table(), result.bindings(),
        new AddedValues(audit));
  }

  /** A statement run that can fail as JDBC does. */
  @FunctionalInterface
  interface SqlCall<T> {
    T run() throws SQLException;
  }

  private record Built(SqlSource source, Object parameter, BoundSql boundSql, RewriteResult result) {}
}
