package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.scripting.defaults.RawSqlSource;

/**
 * What is known of one mapped statement: whether its SQL is static ({@code RawSqlSource}, {@code StaticSqlSource},
 * whose SQL does not depend on the parameter) and what it is, and its {@link StatementPlan} per mode and per
 * scope of tables met.
 *
 * <p>Holds the statement, its SQL source and its parameter mappings weakly, and no Configuration, so that it
 * can be kept by statement id by an interceptor that outlives the application.
 */
final class KnownStatement {
  // the scopes a statement meets are the few the application's code opens; a cap keeps made-up ones bounded
  private static final int MAXIMUM_SCOPES = 64;

  private final WeakReference<MappedStatement> statement;
  private final WeakReference<SqlSource> source;
  // held by the statement (its SQL source or parameter map) for as long as the statement lives; null: dynamic
  private final WeakReference<List<ParameterMapping>> parameterMappings;
  private final String sql;
  private final boolean untouched;
  private final AtomicReferenceArray<StatementPlan> byMode = new AtomicReferenceArray<>(SoftDeleteMode.values().length);
  private final Map<Scope, StatementPlan> byScope = new ConcurrentHashMap<>();

  KnownStatement(MappedStatement ms, SoftTables tables) {
    SqlSource sqlSource = ms.getSqlSource();
    this.statement = new WeakReference<>(ms);
    this.source = new WeakReference<>(sqlSource);
    if (isStatic(sqlSource)) {
      // through the statement, as MyBatis builds it: it falls back to the parameter map's mappings and notes
      // nested result maps of OUT parameters on the statement
      BoundSql bound = ms.getBoundSql(null);
      this.parameterMappings = new WeakReference<>(bound.getParameterMappings());
      this.sql = bound.getSql();
      this.untouched = !tables.mayBeMentionedIn(sql);
    } else {
      this.parameterMappings = null;
      this.sql = null;
      this.untouched = false;
    }
  }

  private static boolean isStatic(SqlSource source) {
    return source instanceof RawSqlSource || source instanceof StaticSqlSource;
  }

  /** Whether this is what is known of {@code ms} (and not of an earlier statement with its id). */
  boolean isOf(MappedStatement ms) {
    return statement.get() == ms && source.get() == ms.getSqlSource();
  }

  /** The statement's static SQL, the same string every time; {@code null} when its SQL is dynamic. */
  String sql() {
    return sql;
  }

  boolean isStatic() {
    return sql != null;
  }

  /** Whether the SQL is static and mentions no soft table, so that the statement runs as MyBatis built it. */
  boolean untouched() {
    return untouched;
  }

  /** The plan for {@code mode} and {@code tables} (narrowed to the statement's soft tables), or {@code null}. */
  StatementPlan plan(SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    return tables.isEmpty() ? byMode.get(mode.ordinal()) : byScope.get(new Scope(mode, tables));
  }

  /**
   * Keeps {@code plan} for {@code mode} and {@code tables}, unless another thread kept one first: returns the
   * one kept, so that every caller runs the same copy from then on.
   */
  StatementPlan keep(SoftDeleteMode mode, IncludeDeleted.Tables tables, StatementPlan plan) {
    if (tables.isEmpty()) {
      return byMode.compareAndSet(mode.ordinal(), null, plan) ? plan : byMode.get(mode.ordinal());
    }
    if (byScope.size() >= MAXIMUM_SCOPES) {
      byScope.clear();
    }
    StatementPlan kept = byScope.putIfAbsent(new Scope(mode, tables), plan);
    return kept == null ? plan : kept;
  }

  /** The BoundSql MyBatis would build for the static statement and {@code parameter}, with {@code sql} instead. */
  BoundSql boundSql(MappedStatement ms, String sql, Object parameter) {
    // ms, the caller's, keeps the statement and so its mappings alive
    return new BoundSql(ms.getConfiguration(), sql, parameterMappings.get(), parameter);
  }

  /** A mode and a scope of tables, narrowed to the ones soft here: what a plan is made for. */
  private record Scope(SoftDeleteMode mode, IncludeDeleted.Tables tables) {}
}
