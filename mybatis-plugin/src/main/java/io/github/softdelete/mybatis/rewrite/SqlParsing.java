package io.github.softdelete.mybatis.rewrite;

import java.time.Duration;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * The one place that parses SQL. It parses on the calling thread: {@code CCJSqlParserUtil.parse} would start
 * a thread pool per call for its time-out, and log at INFO on every statement.
 *
 * <p>Parsing is bounded in time: some statements (an 844-character SELECT with one typo, found by the fuzz
 * tests) send the parser's backtracking into minutes. The {@link ParseWatchdog} raises the parser's own
 * {@code interrupted} flag when a parse overruns, and the parse then fails with a clear reason.
 */
final class SqlParsing {
  private SqlParsing() {}

  /**
   * @throws UnreadableSqlException when the parser cannot read the text, or not within {@code timeout}
   */
  static Statements parse(String sql, Duration timeout) {
    return parse(sql, timeout, null);
  }

  /**
   * As {@link #parse(String, Duration)}; {@code tokens}, the same text's, is handed the tokens the parser read,
   * so that it need not read them again.
   */
  static Statements parse(String sql, Duration timeout, SqlTokens tokens) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      return checked(bounded(newParser(sql, false), deadline, timeout, tokens));
    } catch (ParseException | TokenMgrException | UnreadableSqlException simpleFailure) {
      if (simpleFailure instanceof TimedOut) {
        throw (TimedOut) simpleFailure;
      }
      // the complex grammar reads more but can take exponential time on deep nesting
      if (CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
        throw new UnreadableSqlException(simpleFailure);
      }
      try {
        return checked(bounded(newParser(sql, true), deadline, timeout, tokens));
      } catch (ParseException | TokenMgrException complexFailure) {
        throw new UnreadableSqlException(complexFailure);
      }
    } catch (StackOverflowError tooDeep) {
      throw new UnreadableSqlException(tooDeep);
    }
  }

  /** Runs the parser until it is done or the deadline passes, whichever comes first. */
  private static Statements bounded(CCJSqlParser parser, long deadline, Duration timeout, SqlTokens tokens)
      throws ParseException {
    if (deadline - System.nanoTime() <= 0) {
      throw new TimedOut(timeout);
    }
    // the parser links each token it reads to the next, from this one on
    Token head = parser.token;
    try (ParseWatchdog.Running running = ParseWatchdog.watch(parser, deadline)) {
      try {
        Statements statements = parser.Statements();
        if (running.interrupted()) {
          throw new TimedOut(timeout);
        }
        if (tokens != null) {
          tokens.readBy(head);
        }
        return statements;
      } catch (ParseException | TokenMgrException e) {
        if (running.interrupted()) {
          throw new TimedOut(timeout);
        }
        throw e;
      }
    }
  }

  private static CCJSqlParser newParser(String sql, boolean complex) {
    return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex);
  }

  private static Statements checked(Statements statements) {
    if (statements == null || statements.isEmpty()) {
      throw new UnreadableSqlException((Throwable) null);
    }
    for (Statement statement : statements) {
      if (statement == null || statement instanceof UnsupportedStatement) {
        throw new UnreadableSqlException((Throwable) null);
      }
    }
    return statements;
  }

  /** The parser could not read the SQL. */
  static class UnreadableSqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableSqlException(Throwable cause) {
      super(firstLine(cause), cause);
    }

    UnreadableSqlException(String message) {
      super(message);
    }

    private static String firstLine(Throwable cause) {
      if (cause == null || cause.getMessage() == null) {
        return cause == null ? "not a statement it knows" : cause.getClass().getSimpleName();
      }
      String message = cause.getMessage().strip();
      int newline = message.indexOf('\n');
      return newline < 0 ? message : message.substring(0, newline);
    }
  }

  /** The parser did not finish within the time allowed. */
  static final class TimedOut extends UnreadableSqlException {
    private static final long serialVersionUID = 1L;

    TimedOut(Duration timeout) {
      super("parsing took longer than parseTimeoutMillis=" + timeout.toMillis());
    }
  }
}
