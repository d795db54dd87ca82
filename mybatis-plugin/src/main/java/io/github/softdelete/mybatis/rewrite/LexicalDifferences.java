package io.github.softdelete.mybatis.rewrite;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text the database splits into strings, comments and code otherwise than the SQL parser does. The engine
 * decides from what the parser read: where the database runs code the parser took for a comment or a string
 * ({@code /*! JOIN users *&#47;} on MySQL), it would filter one statement and the database run another, and
 * the deleted rows of a table the engine never saw would leak. Such text is refused, per database.
 *
 * <p>Under MyBatis every statement has a DataSource, so an unknown database is one other than these (Oracle,
 * SQL Server, ...): MySQL's own readings of ordinary text ({@code --x}, a backslash in a string) do not apply
 * there, while the forms nobody writes for another database by chance (an executable comment, an
 * {@code E'...'} string, a {@code $tag$}, a comment inside a comment) are refused there too.
 */
final class LexicalDifferences {
  // what MySQL and MariaDB may run from an executable comment right after SELECT: options, never a table
  private static final Set<String> SELECT_OPTIONS = Set.of("SQL_NO_CACHE", "SQL_CACHE", "SQL_CALC_FOUND_ROWS",
      "SQL_BUFFER_RESULT", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "HIGH_PRIORITY", "STRAIGHT_JOIN");
  // /*!, /*M!, then the version the comment needs
  private static final Pattern EXECUTABLE_PREFIX = Pattern.compile("^/\\*M?!\\d*");
  // PostgreSQL's $tag$: the parser reads it as a name, PostgreSQL as the start of a string
  private static final Pattern DOLLAR_TAG = Pattern.compile("^\\$[\\p{L}_][\\p{L}\\p{N}_]*\\$");

  private LexicalDifferences() {}

  /** @return why the database would read {@code text} otherwise than the parser, or {@code null} */
  static String in(SqlTokens text, Dialect dialect) {
    String sql = text.sql();
    boolean mysql = dialect == Dialect.MYSQL;
    boolean unknown = dialect == Dialect.UNKNOWN;
    boolean postgres = dialect == Dialect.POSTGRESQL || unknown;
    boolean nesting = postgres || dialect == Dialect.H2;
    String reason = null;
    boolean executable = sql.contains("/*!") || sql.contains("/*M!");
    if ((mysql || unknown) && executable || mysql && sql.contains("--")) {
      reason = mysqlComments(text, mysql);
    }
    if (reason == null && nesting && sql.indexOf("/*") != sql.lastIndexOf("/*")) {
      reason = nestedComments(text);
    }
    // without a backslash, strings end where the parser ends them; but for MySQL's reading of Oracle's q'[...]'
    boolean backslash = sql.indexOf('\\') >= 0;
    if (reason == null && (mysql || postgres) && (backslash || mysql && hasQuoteAfterQ(sql))) {
      reason = strings(text, mysql, postgres);
    }
    if (reason == null && postgres && sql.indexOf('$') >= 0) {
      reason = dollarTags(text);
    }
    return reason;
  }

  private static boolean hasQuoteAfterQ(String sql) {
    for (int quote = sql.indexOf('\'', 1); quote > 0; quote = sql.indexOf('\'', quote + 1)) {
      if (Character.toUpperCase(sql.charAt(quote - 1)) == 'Q') {
        return true;
      }
    }
    return false;
  }

  private static String mysqlComments(SqlTokens text, boolean mysql) {
    List<SqlTokens.Lexeme> tokens = text.tokens();
    for (SqlTokens.Commented comment : text.comments()) {
      String body = comment.text();
      if (mysql && body.startsWith("--") && body.length() > 2 && !isMysqlSpace(body.charAt(2))) {
        return "MySQL and MariaDB read '--' not followed by a space as two minus signs, not as a comment (" + body
            + "), and the SQL parser reads a comment; put a space after '--'";
      }
      if (comment.executable()) {
        boolean afterSelect = comment.nextToken() > 0
            && tokens.get(comment.nextToken() - 1).key().equals("SELECT");
        if (!afterSelect || !onlySelectOptions(body)) {
          return "MySQL and MariaDB run the SQL inside an executable comment (" + body + "), which the SQL parser"
              + " skips as a comment, so softdelete cannot see what it reads; write it as plain SQL (only"
              + " SELECT options such as /*! SQL_NO_CACHE */ right after SELECT are kept)";
        }
      }
    }
    return null;
  }

  private static boolean isMysqlSpace(char c) {
    return Character.isWhitespace(c) || Character.isISOControl(c);
  }

  private static boolean onlySelectOptions(String comment) {
    String inside = EXECUTABLE_PREFIX.matcher(comment).replaceFirst("");
    inside = inside.endsWith("*/") ? inside.substring(0, inside.length() - 2) : inside;
    String[] words = inside.strip().split("\\s+");
    for (String word : words) {
      if (!SELECT_OPTIONS.contains(word.toUpperCase(Locale.ROOT))) {
        return false;
      }
    }
    return words.length > 0 && !words[0].isEmpty();
  }

  private static String nestedComments(SqlTokens text) {
    for (SqlTokens.Commented comment : text.comments()) {
      if (!comment.toEndOfLine() && comment.text().indexOf("/*", 2) >= 0) {
        return "PostgreSQL and H2 nest block comments, the SQL parser does not, so the comment " + comment.text()
            + " ends elsewhere for the database; take out the inner '/*'";
      }
    }
    return null;
  }

  /**
   * MySQL and MariaDB read a backslash in a string as an escape ({@code 'it\'s'}), and so does PostgreSQL in
   * an {@code E'...'} string; the parser does not. Where a string then ends elsewhere, the rest differs.
   */
  private static String strings(SqlTokens text, boolean mysql, boolean postgres) {
    String sql = text.sql();
    for (SqlTokens.Lexeme token : text.tokens()) {
      int open = openingQuote(token.image());
      if (open < 0) {
        continue;
      }
      char quote = token.image().charAt(open);
      boolean escapeString = open == 1 && Character.toUpperCase(token.image().charAt(0)) == 'E';
      boolean escapes = mysql && (quote == '\'' || quote == '"') || postgres && escapeString;
      if (mysql && open == 1 && Character.toUpperCase(token.image().charAt(0)) == 'Q'
          && end(sql, token.start() + open, false) != token.start() + closingQuote(token.image())) {
        return "MySQL and MariaDB do not know Oracle's quoting " + token.image().strip() + ": the string ends"
            + " elsewhere for them than for the SQL parser; write it in plain quotes, doubling a quote inside ('')";
      }
      if (escapes && end(sql, token.start() + open, true) != token.start() + closingQuote(token.image())) {
        return "the database reads a backslash in a string as an escape (MySQL and MariaDB; PostgreSQL in"
            + " E'...') and the SQL parser does not, so the string " + token.image().strip() + " ends elsewhere for"
            + " each of them; double a quote inside a string ('') instead of escaping it";
      }
    }
    return null;
  }

  // the index of the quote that opens a string or quoted name (after a prefix such as N, E, X or _utf8)
  private static int openingQuote(String image) {
    int i = 0;
    while (i < image.length() && (Character.isLetterOrDigit(image.charAt(i)) || image.charAt(i) == '_')) {
      i++;
    }
    return i < image.length() && (image.charAt(i) == '\'' || image.charAt(i) == '"') ? i : -1;
  }

  // the index after the token's last quote (the lexer may keep whitespace after X'..' in the token)
  private static int closingQuote(String image) {
    return image.stripTrailing().length();
  }

  // where a string opened at open ends, a doubled quote standing for one, and with escapes a backslash escaping
  private static int end(String sql, int open, boolean escapes) {
    char quote = sql.charAt(open);
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (escapes && c == '\\') {
        i += 2;
      } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  private static String dollarTags(SqlTokens text) {
    for (SqlTokens.Lexeme token : text.tokens()) {
      if (token.image().startsWith("$") && DOLLAR_TAG.matcher(token.image()).find()) {
        return "PostgreSQL reads " + token.image() + " as the start of a dollar-quoted string, the SQL parser as a"
            + " name, so the two read different statements; quote the string with $$ or '...'";
      }
    }
    return null;
  }
}
