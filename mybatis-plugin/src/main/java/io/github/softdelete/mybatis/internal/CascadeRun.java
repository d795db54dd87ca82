package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.rewrite.PlannedStatement;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.mapping.StatementType;
import org.apache.ibatis.session.RowBounds;

/**
 * Runs a DELETE with cascades or integrity checks: the checks first (a row found refuses the DELETE before
 * anything changed), then the children's UPDATEs, then the DELETE's own, each through the caller's executor,
 * so in the caller's transaction (and, with a batch executor, in its batch, in this order; a check, as any
 * query, first flushes the batch so that it sees it), all bound with the same added values.
 */
final class CascadeRun {
  private CascadeRun() {}

  static int run(Executor executor, MappedStatement ms, Object parameter, BoundSql boundSql, RewriteResult result,
      AddedValues values) throws Failure {
    for (PlannedStatement planned : result.before()) {
      BoundSql bound = Bindings.bind(ms.getConfiguration(), ms.getId(), boundSql, planned.sql(), planned.table(),
          planned.bindings(), values);
      try {
        if (planned.isCheck()) {
          check(executor, ms, parameter, bound, planned);
        } else {
          executor.update(childStatement(ms, bound), parameter);
        }
      } catch (SQLException e) {
        throw new Failure(planned.table(), e);
      }
    }
    BoundSql bound = Bindings.bind(ms.getConfiguration(), ms.getId(), boundSql, result.sql(), result.table(),
        result.bindings(), values);
    try {
      return executor.update(MappedStatements.withSqlSource(ms, fixed(bound)), parameter);
    } catch (SQLException e) {
      throw new Failure(result.table(), e);
    }
  }

  // one row is enough to refuse; never served from or kept in a cache, which could predate the last change
  private static void check(Executor executor, MappedStatement ms, Object parameter, BoundSql bound,
      PlannedStatement planned) throws SQLException {
    ResultMap row = new ResultMap.Builder(ms.getConfiguration(), ms.getId() + "-softdelete-check", Integer.class,
        List.of()).build();
    MappedStatement query = new MappedStatement.Builder(ms.getConfiguration(), ms.getId(), fixed(bound),
        SqlCommandType.SELECT)
        .resource(ms.getResource())
        .timeout(ms.getTimeout())
        .statementType(StatementType.PREPARED)
        .databaseId(ms.getDatabaseId())
        .lang(ms.getLang())
        .resultMaps(List.of(row))
        .flushCacheRequired(true)
        .useCache(false)
        .build();
    if (!executor.query(query, parameter, new RowBounds(0, 1), Executor.NO_RESULT_HANDLER).isEmpty()) {
      throw SoftDeleteException.refused(ms.getId(), planned.table(), planned.refusal(), null);
    }
  }

  // the application's id, for its logs and errors; no key generator, no cache of its own
  private static MappedStatement childStatement(MappedStatement ms, BoundSql bound) {
    return new MappedStatement.Builder(ms.getConfiguration(), ms.getId(), fixed(bound), SqlCommandType.UPDATE)
        .resource(ms.getResource())
        .timeout(ms.getTimeout())
        .statementType(StatementType.PREPARED)
        .databaseId(ms.getDatabaseId())
        .lang(ms.getLang())
        .build();
  }

  private static SqlSource fixed(BoundSql bound) {
    return parameter -> bound;
  }

  /** A statement of the cascade failed; says on which table. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final String table;

    Failure(String table, SQLException cause) {
      super(cause);
      this.table = table;
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }
}
