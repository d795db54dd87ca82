package io.github.softdelete.mybatis.rewrite;

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
 */
final class SqlParsing {
  private SqlParsing() {}

  /**
   * @throws UnreadableSqlException when the parser cannot read the text
   */
  static Statements parse(String sql) {
    try {
      return checked(newParser(sql, false).Statements());
    } catch (ParseException | TokenMgrException | UnreadableSqlException simpleFailure) {
      // the complex grammar reads more but can take exponential time on deep nesting
      if (CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
        throw new UnreadableSqlException(simpleFailure);
      }
      try {
        return checked(newParser(sql, true).Statements());
      } catch (ParseException | TokenMgrException complexFailure) {
        throw new UnreadableSqlException(complexFailure);
      }
    } catch (StackOverflowError tooDeep) {
      throw new UnreadableSqlException(tooDeep);
    }
  }

  private static CCJSqlParser newParser(String sql, boolean complex) {
    return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex);
  }

  private static Statements checked(Statements statements) {
    if (statements == null || statements.isEmpty()) {
      throw new UnreadableSqlException(null);
    }
    for (Statement statement : statements) {
      if (statement == null || statement instanceof UnsupportedStatement) {
        throw new UnreadableSqlException(null);
      }
    }
    return statements;
  }

  /** The parser could not read the SQL. */
  static final class UnreadableSqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableSqlException(Throwable cause) {
      super(firstLine(cause), cause);
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
}
