package io.github.softdelete.mybatis.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Token;

/**
 * A SQL text as the SQL parser's own lexer reads it: its tokens, and the comments between them. Reading it
 * with the parser's lexer, not one of our own, keeps the two agreeing on what is a string, a quoted name or a
 * comment, for every quoting the parser knows ({@code 'it''s'}, {@code q'[it's]'}, {@code $$...$$},
 * {@code "a""b"}, backticks), which is what makes it safe to move comments around the tokens.
 *
 * <p>The text is read on first use, and only then: most statements are never asked.
 */
final class SqlTokens {
  private final String sql;
  // the parser's own tokens of this text, when it has read them already: the one before the first
  private Token readByParser;
  private List<Lexeme> tokens;
  private List<Commented> comments;

  SqlTokens(String sql) {
    this.sql = sql;
  }

  String sql() {
    return sql;
  }

  /** Hands over the tokens the parser read from this text, linked from {@code head} on, to be used as they are. */
  void readBy(Token head) {
    if (tokens == null) {
      readByParser = head;
    }
  }

  /** Whether the text may hold a comment at all: without one of these marks it holds none. */
  static boolean mayHoldComments(String sql) {
    return sql.contains("/*") || sql.contains("--") || sql.contains("//");
  }

  /** The tokens, in order; comments and whitespace are not tokens. */
  List<Lexeme> tokens() {
    read();
    return tokens;
  }

  /** The comments, in order, each with the index of the token that follows it. */
  List<Commented> comments() {
    read();
    return comments;
  }

  private void read() {
    if (tokens != null) {
      return;
    }
    List<Lexeme> readTokens = new ArrayList<>();
    List<Commented> readComments = new ArrayList<>();
    CCJSqlParser lexer = readByParser == null ? CCJSqlParserUtil.newParser(sql) : null;
    Token previous = readByParser;
    int gapStart = 0;
    while (true) {
      Token token = lexer != null ? lexer.getNextToken() : previous.next;
      if (token == null) {
        throw new IllegalStateException("the SQL parser's tokens end before the end of the text");
      }
      previous = token;
      boolean end = token.kind == CCJSqlParserConstants.EOF;
      // the lexer counts positions from 1
      int start = end ? sql.length() : token.absoluteBegin - 1;
      if (!end && (start < gapStart || !sql.startsWith(token.image, start))) {
        throw new IllegalStateException("the SQL parser's lexer placed '" + token.image + "' at " + start);
      }
      int before = readComments.size();
      commentsIn(gapStart, start, readTokens.size(), readComments);
      checkAgainstLexer(token, readComments.subList(before, readComments.size()));
      if (end) {
        break;
      }
      readTokens.add(new Lexeme(start, start + token.image.length(), token.image));
      gapStart = start + token.image.length();
    }
    tokens = List.copyOf(readTokens);
    comments = List.copyOf(readComments);
    readByParser = null;
  }

  // between two tokens there is only whitespace and comments: read them as the lexer's rules do
  private void commentsIn(int from, int to, int nextToken, List<Commented> found) {
    int i = from;
    while (i < to) {
      if (sql.startsWith("--", i) || sql.startsWith("//", i)) {
        int end = i + 2;
        while (end < to && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
          end++;
        }
        found.add(new Commented(i, end, sql.substring(i, end), nextToken));
        i = end;
      } else if (sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        int end = close < 0 || close + 2 > to ? to : close + 2;
        found.add(new Commented(i, end, sql.substring(i, end), nextToken));
        i = end;
      } else {
        i++;
      }
    }
  }

  // the lexer hands its comments over as the token's special tokens, last first: they must be the same
  private static void checkAgainstLexer(Token token, List<Commented> read) {
    List<String> lexed = new ArrayList<>();
    for (Token special = token.specialToken; special != null; special = special.specialToken) {
      lexed.add(0, special.image);
    }
    List<String> texts = read.stream().map(Commented::text).toList();
    if (!lexed.equals(texts)) {
      throw new IllegalStateException("the comments " + texts + " are not the SQL parser's " + lexed);
    }
  }

  /** A token: its place in the text and its text. */
  record Lexeme(int start, int end, String image) {
    /** What the token is, whatever its case. */
    String key() {
      return image.toUpperCase(Locale.ROOT);
    }
  }

  /**
   * A comment as written, with the index of the token after it ({@code tokens().size()} after the last).
   */
  record Commented(int start, int end, String text, int nextToken) {
    /** A {@code --} or {@code //} comment, which runs to the end of its line. */
    boolean toEndOfLine() {
      return !text.startsWith("/*");
    }

    /** An optimizer hint ({@code /*+ ...}, {@code --+ ...}), which belongs to the keyword before it. */
    boolean hint() {
      return text.startsWith("/*+") || text.startsWith("--+");
    }

    /** A MySQL / MariaDB executable comment ({@code /*! ...}, {@code /*M! ...}), which those databases run. */
    boolean executable() {
      return text.startsWith("/*!") || text.startsWith("/*M!");
    }
  }
}
