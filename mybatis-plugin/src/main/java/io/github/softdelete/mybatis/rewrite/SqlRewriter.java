package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.catalog.TableColumns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.update.Update;

/**
 * The engine: from the SQL an application sent, and the thread's mode, to the SQL that keeps soft-deleted
 * rows out of it. Pure and thread-safe; callers cache its answers.
 */
public final class SqlRewriter {
  /** As {@code SoftDeleteConfig}'s default {@code parseTimeoutMillis}. */
  public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(5);

  private final SoftTables tables;
  private final SoftDeleteMarker marker;
  private final List<Cascade> cascades;
  private final List<Cascade> restricts;
  private final Duration parseTimeout;
  private final boolean respectExplicitMarkers;
  private final Dialect dialect;
  private final TableColumns columns;

  public SqlRewriter(SoftTables tables, SoftDeleteMarker marker) {
    this(tables, marker, List.of(), DEFAULT_PARSE_TIMEOUT);
  }

  public SqlRewriter(SoftTables tables, SoftDeleteMarker marker, Duration parseTimeout) {
    this(tables, marker, List.of(), parseTimeout);
  }

  public SqlRewriter(SoftTables tables, SoftDeleteMarker marker, List<Cascade> cascades) {
    this(tables, marker, cascades, DEFAULT_PARSE_TIMEOUT);
  }

  /**
   * @param cascades declared parent/child relations, acyclic (the configuration checks that)
   * @param parseTimeout how long one statement may take to parse before it is refused as unreadable
   */
  public SqlRewriter(SoftTables tables, SoftDeleteMarker marker, List<Cascade> cascades, Duration parseTimeout) {
    this(tables, marker, cascades, parseTimeout, true);
  }

  /**
   * @param respectExplicitMarkers {@code explicitMarker=respect}: a reference whose query block constrains its
   *     marker itself, and the target of an UPDATE that assigns or constrains its marker, are left as written;
   *     {@code false} filters them like any other
   */
  public SqlRewriter(SoftTables tables, SoftDeleteMarker marker, List<Cascade> cascades, Duration parseTimeout,
      boolean respectExplicitMarkers) {
    this(tables, marker, cascades, parseTimeout, respectExplicitMarkers, Dialect.UNKNOWN, TableColumns.NONE,
        List.of());
  }

  private SqlRewriter(SoftTables tables, SoftDeleteMarker marker, List<Cascade> cascades, Duration parseTimeout,
      boolean respectExplicitMarkers, Dialect dialect, TableColumns columns, List<Cascade> restricts) {
    this.restricts = List.copyOf(restricts);
    this.respectExplicitMarkers = respectExplicitMarkers;
    this.tables = tables;
    this.marker = marker;
    this.cascades = List.copyOf(cascades);
    this.parseTimeout = parseTimeout;
    this.dialect = dialect;
    this.columns = columns;
  }

  /**
   * This engine for statements that run on {@code dialect}: upserts are converted only where the database is
   * known; {@link Dialect#UNKNOWN} (the default) refuses them.
   */
  public SqlRewriter withDialect(Dialect dialect) {
    return new SqlRewriter(tables, marker, cascades, parseTimeout, respectExplicitMarkers, dialect, columns, restricts);
  }

  /**
   * This engine with the soft tables' columns known: a row an upsert revives takes every column it does not
   * name afresh, as a newly inserted row would; {@link TableColumns#NONE} (the default) writes only the named ones.
   */
  public SqlRewriter withColumns(TableColumns columns) {
    return new SqlRewriter(tables, marker, cascades, parseTimeout, respectExplicitMarkers, dialect, columns, restricts);
  }

  /**
   * This engine with restrict relations ({@code restrict}): a DELETE that would mark a parent with live
   * children is preceded by a check that refuses it; a restore of a child whose parent is deleted likewise
   * (for cascades too).
   */
  public SqlRewriter withRestricts(List<Cascade> restricts) {
    return new SqlRewriter(tables, marker, cascades, parseTimeout, respectExplicitMarkers, dialect, columns,
        restricts);
  }

  /**
   * Whether a soft table name occurs in {@code sql} as a whole word: when not, {@link #rewrite} hands the very
   * same string back without parsing it.
   */
  public boolean mayTouchSoftTable(String sql) {
    return tables.firstMentionIn(sql) != null;
  }

  /**
   * Every column whose values the rules read or write, of every soft table: markers, who and why, the
   * columns of {@code onDeleteSet} and {@code onRestoreSet}; unquoted, lower case. A statement that names none
   * of them has literals the rewrite only carries along.
   */
  public Set<String> markerAndAuditColumns() {
    Set<String> names = new HashSet<>(marker.columnNames());
    for (SoftDeleteMarker own : tables.markers()) {
      names.addAll(own.columnNames());
    }
    return Set.copyOf(names);
  }

  /**
   * @return the SQL to run; the very same string when the statement needs no change, and always when it
   *     mentions no soft table (then it is not even parsed)
   * @throws RewriteRefusedException when the statement touches a soft table and cannot be run with certainty
   */
  public RewriteResult rewrite(String sql, SoftDeleteMode mode) {
    return rewrite(sql, mode, IncludeDeleted.Tables.none());
  }

  /**
   * The statement in {@code mode} inside a scope of {@code allRowsOf}: every reference to those tables reads all
   * their rows (the entity of an {@code OnlyDeleted} SELECT and the target of its UPDATE excepted), an UPDATE
   * of them reaches their deleted rows, a DELETE of them still marks.
   *
   * @see #rewrite(String, SoftDeleteMode)
   */
  public RewriteResult rewrite(String sql, SoftDeleteMode mode, IncludeDeleted.Tables allRowsOf) {
    String mentioned = tables.firstMentionIn(sql);
    if (mentioned == null) {
      return RewriteResult.unchanged(sql);
    }
    SqlTokens written = new SqlTokens(sql);
    Statements statements;
    try {
      statements = SqlParsing.parse(sql, parseTimeout, written);
    } catch (SqlParsing.UnreadableSqlException e) {
      throw new RewriteRefusedException(mentioned,
          "the SQL parser cannot read the statement (" + e.getMessage() + "), so softdelete cannot tell"
              + " whether it leaks or erases deleted rows" + MergeHints.forUnreadable(sql),
          true, e);
    }
    String misread = lexicalDifference(written, mentioned);
    if (misread != null) {
      throw new RewriteRefusedException(mentioned, misread);
    }
    boolean changed = false;
    List<Statement> rewritten = new ArrayList<>(statements.size());
    List<PlannedStatement> before = new ArrayList<>();
    String target = null;
    List<RewriteResult.LeftAsWritten> left = new ArrayList<>();
    for (Statement statement : statements) {
      RewriteContext context =
          new RewriteContext(tables, marker, mode, allRowsOf, cascades, respectExplicitMarkers);
      context.restricts = restricts;
      Statement result;
      try {
        result = new StatementRewriter(context, dialect, columns).rewrite(statement);
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
      before.addAll(context.before);
      left.addAll(context.leftAsWritten());
      if (statement instanceof Delete delete && (result instanceof Update || !context.before.isEmpty())) {
        target = delete.getTable().getFullyQualifiedName();
      }
    }
    if (before.stream().anyMatch(planned -> Placeholders.carriesCopies(planned.sql()))
        && !Placeholders.parsedAsWritten(rewritten, sql)) {
      // a check that reads the changed rows twice binds their parameters twice, by the parser's count
      throw new RewriteRefusedException(mentioned, "the parser does not read every ? of the statement as a"
          + " parameter, so the checks that read its rows a second time cannot be bound with certainty");
    }
    if (!changed && !before.isEmpty()) {
      // a DELETE that erases as written, after its checks: the statement itself stays as the application sent it
      return bound(sql, sql, before, mentioned, statements.size(), target, List.copyOf(left));
    }
    if (!changed) {
      // the very same string: left as written means not even reprinted
      return new RewriteResult(sql, false, null, List.of(), null, List.copyOf(left));
    }
    String printed = withComments(written, join(rewritten), mentioned);
    if (OracleOuterJoins.markers(printed) != OracleOuterJoins.markers(sql)) {
      // the parser keeps one (+) per comparison: u.a(+) = o.b(+) would come back as a different join
      throw new RewriteRefusedException(mentioned, "the SQL parser does not keep every Oracle outer join marker"
          + " (+) of the statement, so its joins would change; write the join as LEFT JOIN ... ON");
    }
    if (Placeholders.carriesCopies(printed) && !Placeholders.parsedAsWritten(rewritten, sql)) {
      // a copy names its parameter by the parser's count, which must then be the count JDBC binds by
      throw new RewriteRefusedException(mentioned, "the parser does not read every ? of the statement as a"
          + " parameter, so the parameters the conversion writes a second time cannot be bound with certainty");
    }
    if (before.isEmpty() && !Placeholders.carriesAdded(printed)) {
      return new RewriteResult(printed, true, null, List.of(), target, List.copyOf(left));
    }
    return bound(sql, printed, before, mentioned, statements.size(), target, List.copyOf(left));
  }

  private String lexicalDifference(SqlTokens written, String mentioned) {
    try {
      return LexicalDifferences.in(written, dialect);
    } catch (RuntimeException bug) {
      throw new RewriteRefusedException(mentioned, "softdelete failed to read the statement's strings and comments ("
          + bug + "); please report it with the SQL", false, bug);
    }
  }

  private String withComments(SqlTokens written, String printed, String mentioned) {
    try {
      return Comments.keep(written, printed, dialect, mentioned);
    } catch (RewriteRefusedException refused) {
      throw refused;
    } catch (RuntimeException bug) {
      throw new RewriteRefusedException(mentioned, "softdelete failed to keep the statement's comments ("
          + bug + "); please report it with the SQL", false, bug);
    }
  }

  /** Turns the added values into {@code ?} and checks that every statement uses all of the application's. */
  private static RewriteResult bound(String sql, String printed, List<PlannedStatement> before, String mentioned,
      int statementCount, String target, List<RewriteResult.LeftAsWritten> left) {
    if (!before.isEmpty() && statementCount > 1) {
      throw new RewriteRefusedException(mentioned, "a DELETE with cascades or integrity checks must be a"
          + " statement of its own");
    }
    int originals = Placeholders.originalCount(sql);
    Placeholders.Bound main = Placeholders.bind(printed);
    List<PlannedStatement> boundBefore = new ArrayList<>(before.size());
    for (PlannedStatement planned : before) {
      Placeholders.Bound child = Placeholders.bind(planned.sql());
      // the children select their parents with the DELETE's WHERE, which must hold all its parameters
      if (child.originals() != originals) {
        throw new RewriteRefusedException(planned.table(), (planned.isCheck() ? "the check's" : "the cascade's")
            + " statement has " + child.originals() + " of the DELETE's " + originals
            + " parameters, so it cannot select the same parents");
      }
      boundBefore.add(planned.withSql(child.sql(), child.bindings()));
    }
    if (main.originals() != originals) {
      throw new RewriteRefusedException(mentioned, "softdelete lost track of the statement's parameters ("
          + main.originals() + " of " + originals + "); please report it with the SQL");
    }
    return new RewriteResult(main.sql(), true, main.bindings(), List.copyOf(boundBefore), target, left);
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
