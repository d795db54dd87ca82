package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.rewrite.RewriteResult;
import java.lang.ref.SoftReference;
import java.util.function.Supplier;
import org.apache.ibatis.mapping.MappedStatement;

/**
 * What one mapped statement runs in one mode and scope of tables, decided once: for static SQL the engine's
 * answer and the SQL a query runs; for every statement the copy an update or a cursor runs, whose SQL source
 * rewrites (dynamic SQL, or values bound per call) or holds the rewritten SQL.
 *
 * <p>The copy is held softly: it holds its Configuration, which must not outlive its application because the
 * agent's interceptor does. While a {@code BatchExecutor} batches it, the batch holds it, so a batch always meets
 * the same copy, which is how it knows to keep adding to one JDBC statement.
 */
final class StatementPlan {
  // static SQL only: the engine's answer (null: runs unchanged)
  private final RewriteResult result;
  private final boolean staticSql;
  private volatile SoftReference<MappedStatement> toRun = new SoftReference<>(null);

  private StatementPlan(boolean staticSql, RewriteResult result) {
    this.staticSql = staticSql;
    this.result = result;
  }

  /** The plan of static SQL, whose engine answer is {@code result} ({@code null}: runs unchanged). */
  static StatementPlan ofStatic(RewriteResult result) {
    return new StatementPlan(true, result);
  }

  /** The plan of dynamic SQL: its answer is asked per call, for the SQL MyBatis builds. */
  static StatementPlan ofDynamic() {
    return new StatementPlan(false, null);
  }

  /** Static SQL: the engine's answer, {@code null} when the statement runs unchanged. Dynamic SQL: {@code null}. */
  RewriteResult result() {
    return result;
  }

  /** Whether this is static SQL that runs as written in this mode and scope. */
  boolean unchanged() {
    return staticSql && result == null;
  }

  /** Whether the statement needs the SQL source that binds per call: dynamic SQL, or values added per call. */
  boolean bindsPerCall() {
    return !staticSql || result.bindsPerCall();
  }

  /** Whether statements (cascades, integrity checks) run before this static statement. */
  boolean hasStatementsBefore() {
    return result != null && !result.before().isEmpty();
  }

  /**
   * The statement an update or a cursor runs: the same copy every time while it is in use, made by {@code copy}
   * when none is held.
   */
  MappedStatement toRun(Supplier<MappedStatement> copy) {
    MappedStatement known = toRun.get();
    if (known != null) {
      return known;
    }
    synchronized (this) {
      known = toRun.get();
      if (known == null) {
        known = copy.get();
        toRun = new SoftReference<>(known);
      }
      return known;
    }
  }
}
