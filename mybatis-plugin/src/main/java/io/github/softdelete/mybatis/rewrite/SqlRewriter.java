package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * The engine: from the SQL an application sent, and the thread's mode, to the SQL that keeps soft-deleted
 * rows out of it. Pure and thread-safe; callers cache its answers.
 */
public final class SqlRewriter {
  /** As {@code SoftDeleteConfig}'s default {@code parseTimeoutMillis}. */
  public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(5);

  private final SoftTables tables;
  private final SoftDeleteMarker marker;
  private final Duration parseTimeout;

  public SqlRewriter(SoftTables tables, SoftDeleteMarker marker) {
    this(tables, marker, DEFAULT_PARSE_TIMEOUT);
  }

  /**
   * @param parseTimeout how long one statement may take to parse before it is refused as unreadable
   */
  public SqlRewriter(SoftTables tables, SoftDeleteMarker marker, Duration parseTimeout) {
    this.tables = tables;
    this.marker = marker;
    this.parseTimeout = parseTimeout;
  }

  /**
   * @return the SQL to run; the very same string when the statement needs no change, and always when it
   *     mentions no soft table (then it is not even parsed)
   * @throws RewriteRefusedException when the statement touches a soft table and cannot be run with certainty
   */
  public RewriteResult rewrite(String sql, SoftDeleteMode mode) {
    String mentioned = tables.firstMentionIn(sql);
    if (mentioned == null) {
      return RewriteResult.unchanged(sql);
    }
    Statements statements;
    try {
      statements = SqlParsing.parse(sql, parseTimeout);
    } catch (SqlParsing.UnreadableSqlException e) {
      throw new RewriteRefusedException(mentioned,
          "the SQL parser cannot read the statement (" + e.getMessage() + "), so softdelete cannot tell"
              + " whether it leaks or erases deleted rows",
          true, e);
    }
    boolean changed = false;
    List<Statement> rewritten = new ArrayList<>(statements.size());
    for (Statement statement : statements) {
      RewriteContext context = new RewriteContext(tables, marker, mode);
      Statement result;
      try {
        result = new StatementRewriter(context).rewrite(statement);
        CoverageCheck.verify(result, context);
      } catch (RewriteRefusedException refused) {
        throw refused;
      } catch (RuntimeException | StackOverflowError bug) {
        // a shape the rules did not expect: refusing is safe, guessing is not
        throw new RewriteRefusedException(mentioned, "softdelete failed to rewrite the statement ("
            + bug + "); please report it with the SQL", false, bug);
      }
      changed |= context.isChanged();
      rewritten.add(result);
    }
    if (!changed) {
      return RewriteResult.unchanged(sql);
    }
    return new RewriteResult(join(rewritten), true);
  }

  private static String join(List<Statement> statements) {
    if (statements.size() == 1) {
      return statements.get(0).toString();
    }
    StringBuilder sql = new StringBuilder();
    for (Statement statement : statements) {
      sql.append(statement).append(";\n");
    }
    return sql.toString();
  }
}
