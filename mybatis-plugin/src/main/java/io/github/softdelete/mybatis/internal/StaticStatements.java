package io.github.softdelete.mybatis.internal;

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
 * What is known of the statements whose SQL is static ({@code RawSqlSource}, {@code StaticSqlSource}): their
 * SQL does not depend on the parameter, so what runs instead is decided once per mode and found again with
 * one map lookup, no parse, no cache bookkeeping.
 *
 * <p>Keyed by statement id (a String, its hash cached), so that a lookup allocates nothing; the statement,
 * held weakly, tells a statement of another Configuration with the same id from this one. A plain map: its
 * reads take no lock and record nothing, and statement ids are few (it is emptied should they ever pass the
 * cache size). Nothing here holds a Configuration: the agent's one interceptor outlives the Configurations
 * it serves.
 */
final class StaticStatements {
  private final SoftTables tables;
  private final int maximumSize;
  private final Map<String, Known> byId = new ConcurrentHashMap<>();

  StaticStatements(SoftTables tables, int maximumSize) {
    this.tables = tables;
    this.maximumSize = maximumSize;
  }

  /** What is known of {@code ms}, or {@code null} when its SQL is dynamic. */
  Known of(MappedStatement ms) {
    SqlSource source = ms.getSqlSource();
    if (!(source instanceof RawSqlSource || source instanceof StaticSqlSource)) {
      return null;
    }
    Known known = byId.get(ms.getId());
    if (known == null || known.statement.get() != ms || known.source.get() != source) {
      known = new Known(ms, source, tables);
      if (byId.size() >= maximumSize) {
        byId.clear();
      }
      byId.put(ms.getId(), known);
    }
    return known;
  }

  /** One static statement: its SQL, and per mode the SQL a query runs and the statement an update runs. */
  static final class Known {
    private final WeakReference<MappedStatement> statement;
    private final WeakReference<SqlSource> source;
    // held by the statement (its SQL source or parameter map) for as long as the statement lives
    private final WeakReference<List<ParameterMapping>> parameterMappings;
    private final String sql;
    private final boolean untouched;
    // per mode: the SQL a query runs (the very string sql when it runs unchanged); null until known
    private final AtomicReferenceArray<String> querySql = new AtomicReferenceArray<>(SoftDeleteMode.values().length);
    // per mode: the statement an update or a cursor runs (the statement itself when unchanged); null until known
    private final AtomicReferenceArray<WeakReference<MappedStatement>> updates =
        new AtomicReferenceArray<>(SoftDeleteMode.values().length);

    private Known(MappedStatement ms, SqlSource source, SoftTables tables) {
      // through the statement, as MyBatis builds it: it falls back to the parameter map's mappings and notes
      // nested result maps of OUT parameters on the statement
      BoundSql bound = ms.getBoundSql(null);
      this.statement = new WeakReference<>(ms);
      this.source = new WeakReference<>(source);
      this.parameterMappings = new WeakReference<>(bound.getParameterMappings());
      this.sql = bound.getSql();
      this.untouched = !tables.mayBeMentionedIn(sql);
    }

    /** The statement's SQL: the same string every time. */
    String sql() {
      return sql;
    }

    /** Whether the SQL mentions no soft table, so that the statement runs as MyBatis built it in every mode. */
    boolean untouched() {
      return untouched;
    }

    /** The SQL a query runs in {@code mode} ({@link #sql()} itself when unchanged), or {@code null} if not known yet. */
    String querySql(SoftDeleteMode mode) {
      return querySql.get(mode.ordinal());
    }

    void rememberQuerySql(SoftDeleteMode mode, String sql) {
      querySql.set(mode.ordinal(), sql);
    }

    /** The BoundSql MyBatis would build for the statement and {@code parameter}, with {@code sql} instead. */
    BoundSql boundSql(MappedStatement ms, String sql, Object parameter) {
      // ms, the caller's, keeps the statement and so its mappings alive
      return new BoundSql(ms.getConfiguration(), sql, parameterMappings.get(), parameter);
    }

    /** The statement an update runs in {@code mode}, or {@code null} if not known yet. */
    MappedStatement update(SoftDeleteMode mode) {
      WeakReference<MappedStatement> known = updates.get(mode.ordinal());
      return known == null ? null : known.get();
    }

    // weakly: a copy holds its Configuration, and the cache that made it decides how long it lives
    void rememberUpdate(SoftDeleteMode mode, MappedStatement toRun) {
      updates.set(mode.ordinal(), new WeakReference<>(toRun));
    }
  }
}
