package io.github.softdelete.mybatis.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Puts the comments the application wrote back into the SQL the engine prints. The parser drops comments (it
 * keeps some optimizer hints, in places of its own), yet they carry meaning: proxies route by them
 * ({@code /*slave*&#47;} for read/write splitting), optimizers read hints, people read tracing tags in the
 * slow-query log.
 *
 * <p>The rewrite keeps the written tokens in order and only adds some (and turns DELETE ... FROM into
 * UPDATE ... SET), so each comment goes back between the printed tokens that are the ones it stood between.
 * Where the rewrite added text in that place, a comment goes before the added text, next to the token that
 * follows it; a hint goes after the keyword before it. Where neither is safe (between a function's name and
 * its parenthesis, inside {@code a.b}), it goes to the nearest place that is: always between two tokens, so
 * never inside a string, and a comment that runs to the end of its line always gets a line break after it.
 */
final class Comments {
  // after these, or before the closing ones, a comment needs no space of its own in the printed text
  private static final Set<String> OPENING = Set.of("(", ",", ";");
  private static final Set<String> CLOSING = Set.of(")", ",", ";");

  private Comments() {}

  /**
   * @param written the statement as the application sent it
   * @param printed the rewritten statement, as the parser printed it
   * @param dialect on MySQL and MariaDB (or when unknown), an executable comment is code and must keep its exact
   *     place, or the statement is refused
   * @param table the soft table named in a refusal
   * @return {@code printed} with every comment of {@code written} in it (and no comment of the printer's own)
   */
  static String keep(SqlTokens written, String printed, Dialect dialect, String table) {
    if (!SqlTokens.mayHoldComments(written.sql()) || written.comments().isEmpty()) {
      return printed;
    }
    SqlTokens target = new SqlTokens(printed);
    List<SqlTokens.Lexeme> printedTokens = target.tokens();
    int[] matches = TokenAlignment.of(written.tokens(), printedTokens);
    boolean executableIsCode = dialect == Dialect.MYSQL || dialect == Dialect.UNKNOWN;
    List<List<SqlTokens.Commented>> byGap = new ArrayList<>();
    for (int gap = 0; gap <= printedTokens.size(); gap++) {
      byGap.add(new ArrayList<>());
    }
    int lastGap = 0;
    for (SqlTokens.Commented comment : written.comments()) {
      Placement placement = place(comment, matches, written.tokens().size(), target);
      // comments keep their order, whatever room each one had
      int gap = Math.max(lastGap, placement.gap());
      if (comment.executable() && executableIsCode && !(placement.certain() && gap == placement.gap())) {
        throw new RewriteRefusedException(table, "softdelete cannot put the executable comment "
            + comment.text() + " back in its exact place in the rewritten statement, and MySQL and MariaDB run"
            + " what it holds; write it as plain SQL, or leave it out");
      }
      byGap.get(gap).add(comment);
      lastGap = gap;
    }
    return print(target, byGap);
  }

  /** The printed gap (0: before the first token) a comment goes to, and whether that is its exact place. */
  private record Placement(int gap, boolean certain) {}

  private static Placement place(SqlTokens.Commented comment, int[] matches, int writtenCount, SqlTokens target) {
    int printedCount = target.tokens().size();
    int next = comment.nextToken();
    if (next == 0) {
      return new Placement(0, true);
    }
    if (next == writtenCount) {
      return new Placement(printedCount, true);
    }
    if (matches == null) {
      // the rewrite changed too much to tell: before the first token is safe for any comment
      return new Placement(0, false);
    }
    int before = next - 1;
    while (before >= 0 && matches[before] < 0) {
      before--;
    }
    int after = next;
    while (after < writtenCount && matches[after] < 0) {
      after++;
    }
    // the gaps between the printed tokens that are the nearest kept neighbours
    int low = before < 0 ? 0 : matches[before] + 1;
    int high = after == writtenCount ? printedCount : matches[after];
    int preferred = comment.hint() ? low : high;
    int gap = nearestSafe(target, preferred, low, high);
    boolean certain = before == next - 1 && after == next && low == high && gap == preferred;
    return new Placement(gap, certain);
  }

  // the preferred gap if it is safe, else the nearest safe one, first between the neighbours, then anywhere
  private static int nearestSafe(SqlTokens target, int preferred, int low, int high) {
    int count = target.tokens().size();
    for (int distance = 0; distance <= count; distance++) {
      for (int gap : new int[] {preferred - distance, preferred + distance}) {
        if (gap >= low && gap <= high && safe(target, gap)) {
          return gap;
        }
      }
    }
    for (int distance = 1; distance <= count; distance++) {
      for (int gap : new int[] {preferred - distance, preferred + distance}) {
        if (gap >= 0 && gap <= count && safe(target, gap)) {
          return gap;
        }
      }
    }
    return 0;
  }

  /**
   * A comment reads as whitespace, so it may go where the printed text has whitespace already, or where
   * none is needed (after an opening parenthesis or comma, before a closing one); never where whitespace
   * would split or change a token ({@code count(*)}: MySQL takes {@code count (*)} for a column).
   */
  private static boolean safe(SqlTokens target, int gap) {
    List<SqlTokens.Lexeme> tokens = target.tokens();
    if (gap == 0 || gap == tokens.size()) {
      return true;
    }
    SqlTokens.Lexeme left = tokens.get(gap - 1);
    SqlTokens.Lexeme right = tokens.get(gap);
    return left.end() < right.start() || OPENING.contains(left.image()) || CLOSING.contains(right.image());
  }

  private static String print(SqlTokens target, List<List<SqlTokens.Commented>> byGap) {
    String printed = target.sql();
    List<SqlTokens.Lexeme> tokens = target.tokens();
    StringBuilder out = new StringBuilder(printed.length() + 64);
    for (int gap = 0; gap <= tokens.size(); gap++) {
      int from = gap == 0 ? 0 : tokens.get(gap - 1).end();
      int to = gap == tokens.size() ? printed.length() : tokens.get(gap).start();
      String space = withoutPrintersComments(printed.substring(from, to), target, gap);
      List<SqlTokens.Commented> here = byGap.get(gap);
      if (here.isEmpty()) {
        out.append(space);
      } else {
        appendComments(out, here, gap > 0, gap < tokens.size(), space);
      }
      if (gap < tokens.size()) {
        SqlTokens.Lexeme token = tokens.get(gap);
        out.append(printed, token.start(), token.end());
      }
    }
    return out.toString();
  }

  // the printer's hints are the application's, which go back where they were written
  private static String withoutPrintersComments(String space, SqlTokens target, int gap) {
    for (SqlTokens.Commented comment : target.comments()) {
      if (comment.nextToken() == gap) {
        boolean edge = gap == 0 || gap == target.tokens().size();
        return edge ? "" : " ";
      }
    }
    return space;
  }

  private static void appendComments(StringBuilder out, List<SqlTokens.Commented> comments, boolean afterToken,
      boolean beforeToken, String space) {
    if (afterToken) {
      out.append(' ');
    }
    for (int i = 0; i < comments.size(); i++) {
      SqlTokens.Commented comment = comments.get(i);
      out.append(comment.text());
      if (comment.toEndOfLine()) {
        // a line comment ends at the line break: without one it would swallow what follows
        out.append('\n');
      } else if (i < comments.size() - 1) {
        out.append(' ');
      }
    }
    if (!comments.get(comments.size() - 1).toEndOfLine()) {
      out.append(space.isEmpty() && beforeToken ? " " : space);
    }
  }
}
