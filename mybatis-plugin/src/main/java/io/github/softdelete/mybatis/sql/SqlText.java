package io.github.softdelete.mybatis.sql;

import java.util.ArrayList;
import java.util.List;

/** SQL text read quote by quote: identifiers quoted with {@code "..."} or {@code `...`}, strings {@code '...'}. */
public final class SqlText {
  private SqlText() {}

  /** Whether {@code identifier} (stripped) is a quoted identifier, {@code "..."} or {@code `...`}. */
  public static boolean isQuoted(String identifier) {
    String s = identifier.strip();
    return s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '`') && s.charAt(s.length() - 1) == s.charAt(0);
  }

  /** {@code identifier} stripped and without its quotes, if it has them. */
  public static String unquoted(String identifier) {
    String s = identifier.strip();
    return isQuoted(s) ? s.substring(1, s.length() - 1) : s;
  }

  /**
   * The index after the quoted run ({@code '...'}, {@code "..."}, {@code `...`}) that starts at {@code i}, or
   * {@code i} when none starts there; the end of the text when it never closes. A doubled quote ({@code 'it''s'})
   * reads as two runs back to back, which comes to the same.
   */
  public static int endOfQuoted(String text, int i) {
    char c = text.charAt(i);
    if (c != '\'' && c != '"' && c != '`') {
      return i;
    }
    int close = text.indexOf(c, i + 1);
    return close < 0 ? text.length() : close + 1;
  }

  /** Splits at any of {@code separators} that is not inside quotes. */
  public static List<String> splitOutsideQuotes(String text, String separators) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      int end = endOfQuoted(text, i);
      if (end > i) {
        i = end;
      } else if (separators.indexOf(text.charAt(i)) >= 0) {
        parts.add(text.substring(start, i));
        start = ++i;
      } else {
        i++;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /** Whether any of {@code tokens} occurs in {@code text} outside quotes. */
  public static boolean containsOutsideQuotes(String text, String... tokens) {
    int i = 0;
    while (i < text.length()) {
      int end = endOfQuoted(text, i);
      if (end > i) {
        i = end;
        continue;
      }
      for (String token : tokens) {
        if (text.startsWith(token, i)) {
          return true;
        }
      }
      i++;
    }
    return false;
  }

  /**
   * The first of {@code names} (lower case) that occurs in {@code sql} as a whole word, case-insensitively, in
   * quotes or not; {@code null} when none does. One pass over the text, no allocation: it runs on every statement.
   */
  public static String firstWordAmong(String sql, String... names) {
    int length = sql.length();
    int i = 0;
    while (i < length) {
      if (!isWordChar(sql.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < length && isWordChar(sql.charAt(i))) {
        i++;
      }
      int wordLength = i - start;
      for (String name : names) {
        if (name.length() == wordLength && sql.regionMatches(true, start, name, 0, wordLength)) {
          return name;
        }
      }
    }
    return null;
  }

  /** Whether {@code c} is part of a word as table and column names are looked for: a letter, digit, _ or $. */
  public static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
