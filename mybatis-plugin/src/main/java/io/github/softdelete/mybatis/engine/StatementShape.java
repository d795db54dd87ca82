package io.github.softdelete.mybatis.engine;

import io.github.softdelete.mybatis.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement's shape: its text with every IN-list of three or more bare placeholders ({@code IN (?, ?, ?)},
 * as a {@code <foreach>} writes it) cut to its first two, so that the lists of every length share one
 * rewrite. Two, not one: a one-item list may read as a parenthesis, and the second item shows how the printed
 * rewrite separates items, so that {@link ShapeExpansion} can grow the list back as the printer would write it.
 *
 * <p>Only text read with certainty takes part: none with a comment (the rewrite keeps comments in place by
 * their tokens), a backslash (escapes in strings), a {@code $} (dollar quoting) or an Oracle {@code q'...'}
 * string, and no {@code ?} next to another ({@code ??}, {@code ?|}: operators on PostgreSQL).
 */
final class StatementShape {
  private final String canonical;
  private final List<Run> runs;
  private final int canonicalPlaceholders;

  private StatementShape(String canonical, List<Run> runs, int canonicalPlaceholders) {
    this.canonical = canonical;
    this.runs = List.copyOf(runs);
    this.canonicalPlaceholders = canonicalPlaceholders;
  }

  /**
   * One IN-list cut short.
   *
   * @param canonicalIndex the index (from 0, in text order) of its first placeholder in the shape's text
   * @param originalIndex the index of its first placeholder in the statement as written
   * @param length how many placeholders it has as written (three or more)
   */
  record Run(int canonicalIndex, int originalIndex, int length) {}

  /** The shape of {@code sql}, or {@code null} when it has no long IN-list or is not read with certainty. */
  static StatementShape of(String sql) {
    if (sql.indexOf('?') < 0 || sql.contains("/*") || sql.contains("--") || sql.contains("//")
        || sql.indexOf('\\') >= 0 || sql.indexOf('$') >= 0) {
      return null;
    }
    StringBuilder canonical = null;
    int copiedUpTo = 0;
    List<Run> runs = new ArrayList<>();
    int placeholders = 0;
    int cut = 0;
    int length = sql.length();
    int i = 0;
    while (i < length) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        if (i > 0 && (sql.charAt(i - 1) == 'q' || sql.charAt(i - 1) == 'Q')) {
          return null;
        }
        int end = SqlText.endOfQuoted(sql, i);
        if (end == length && (end == i + 1 || sql.charAt(end - 1) != c)) {
          return null;
        }
        i = end;
      } else if (c == '?') {
        if (!lonePlaceholder(sql, i)) {
          return null;
        }
        placeholders++;
        i++;
      } else if (inKeywordAt(sql, i)) {
        int[] items = new int[3];
        int end = listAfter(sql, i + 2, items);
        if (end < 0) {
          i += 2;
          continue;
        }
        int count = items[0];
        runs.add(new Run(placeholders - cut, placeholders, count));
        if (canonical == null) {
          canonical = new StringBuilder(length);
        }
        // keep the text up to the second item, drop the rest of the items
        canonical.append(sql, copiedUpTo, items[1]);
        copiedUpTo = items[2];
        placeholders += count;
        cut += count - 2;
        i = end;
      } else {
        i++;
      }
    }
    if (canonical == null) {
      return null;
    }
    canonical.append(sql, copiedUpTo, length);
    return new StatementShape(canonical.toString(), runs, placeholders - cut);
  }

  /** The text the rewrite of every statement of this shape is computed from. */
  String canonical() {
    return canonical;
  }

  List<Run> runs() {
    return runs;
  }

  /** How many placeholders the shape's text has. */
  int canonicalPlaceholders() {
    return canonicalPlaceholders;
  }

  // not part of ??, ?|, ?&, ?- or similar: a placeholder as JDBC and the parser both count it
  private static boolean lonePlaceholder(String sql, int i) {
    char before = i > 0 ? sql.charAt(i - 1) : ' ';
    char after = i + 1 < sql.length() ? sql.charAt(i + 1) : ' ';
    return before != '?' && "?|&-#@".indexOf(after) < 0;
  }

  // the keyword IN, after whitespace and before whitespace or a parenthesis
  private static boolean inKeywordAt(String sql, int i) {
    char c = sql.charAt(i);
    if ((c != 'i' && c != 'I') || i == 0 || i + 2 >= sql.length()) {
      return false;
    }
    char n = sql.charAt(i + 1);
    char after = sql.charAt(i + 2);
    return (n == 'n' || n == 'N') && Character.isWhitespace(sql.charAt(i - 1))
        && (after == '(' || Character.isWhitespace(after));
  }

  /**
   * Reads {@code ( ?, ?, ... )} from {@code i}: returns the index after the closing parenthesis, or -1 when
   * the text there is not a list of three or more bare placeholders. Fills {@code items} with the count, the
   * end of the second placeholder and the end of the last one.
   */
  private static int listAfter(String sql, int i, int[] items) {
    int at = skipSpace(sql, i);
    if (at >= sql.length() || sql.charAt(at) != '(') {
      return -1;
    }
    int count = 0;
    at = skipSpace(sql, at + 1);
    while (true) {
      if (at >= sql.length() || sql.charAt(at) != '?' || !lonePlaceholder(sql, at)) {
        return -1;
      }
      count++;
      at++;
      if (count == 2) {
        items[1] = at;
      }
      items[2] = at;
      at = skipSpace(sql, at);
      if (at < sql.length() && sql.charAt(at) == ',') {
        at = skipSpace(sql, at + 1);
      } else if (at < sql.length() && sql.charAt(at) == ')') {
        items[0] = count;
        return count >= 3 ? at + 1 : -1;
      } else {
        return -1;
      }
    }
  }

  private static int skipSpace(String sql, int i) {
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return i;
  }
}
