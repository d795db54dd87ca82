package io.github.softdelete.mybatis.rewrite;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * The one place that parses SQL. It parses on the calling thread: {@code CCJSqlParserUtil.parse} would start
 * a thread pool per call for its time-out, and log at INFO on every statement.
 *
 * <p>Parsing is bounded in time: some statements (an 844-character SELECT with one typo, found by the fuzz
 * tests) send the parser's backtracking into minutes. One shared daemon thread raises the parser's own
 * {@code interrupted} flag when a parse overruns, and the parse then fails with a clear reason.
 */
final class SqlParsing {
  private SqlParsing() {}

  /**
   * @throws UnreadableSqlException when the parser cannot read the text, or not within {@code timeout}
   */
  static Statements parse(String sql, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      return checked(bounded(newParser(sql, false), deadline, timeout));
    } catch (ParseException | TokenMgrException | UnreadableSqlException simpleFailure) {
      if (simpleFailure instanceof TimedOut) {
        throw (TimedOut) simpleFailure;
      }
      // the complex grammar reads more but can take exponential time on deep nesting
      if (CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
        throw new UnreadableSqlException(simpleFailure);
      }
      try {
        return checked(bounded(newParser(sql, true), deadline, timeout));
      } catch (ParseException | TokenMgrException complexFailure) {
        throw new UnreadableSqlException(complexFailure);
      }
    } catch (StackOverflowError tooDeep) {
      throw new UnreadableSqlException(tooDeep);
    }
  }

  /** Runs the parser until it is done or the deadline passes, whichever comes first. */
  private static Statements bounded(CCJSqlParser parser, long deadline, Duration timeout) throws ParseException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new TimedOut(timeout);
    }
    ScheduledFuture<?> alarm = Watchdog.EXECUTOR.schedule(() -> interrupt(parser), left, TimeUnit.NANOSECONDS);
    try {
      Statements statements = parser.Statements();
      if (interrupted(parser)) {
        throw new TimedOut(timeout);
      }
      return statements;
    } catch (ParseException | TokenMgrException e) {
      if (interrupted(parser)) {
        throw new TimedOut(timeout);
      }
      throw e;
    } finally {
      alarm.cancel(false);
    }
  }

  // the flag is a plain field, read by the parsing thread: lock on the parser so the write is seen
  private static void interrupt(CCJSqlParser parser) {
    synchronized (parser) {
      parser.interrupted = true;
    }
  }

  private static boolean interrupted(CCJSqlParser parser) {
    synchronized (parser) {
      return parser.interrupted;
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

  /** One daemon thread for the whole JVM, started on first use; it only ever sets a flag. */
  private static final class Watchdog {
    static final ScheduledThreadPoolExecutor EXECUTOR = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "softdelete-parse-watchdog");
      thread.setDaemon(true);
      return thread;
    });

    static {
      // a finished parse cancels its alarm: drop it at once rather than keep it queued until it would fire
      EXECUTOR.setRemoveOnCancelPolicy(true);
    }
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
