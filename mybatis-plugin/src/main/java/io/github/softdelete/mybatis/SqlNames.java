package io.github.softdelete.mybatis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SQL names as configuration writes them ({@code users}, {@code app."Users"}, lists separated by commas).
 * Free of MyBatis types, so that the purge command can read a cascade declaration without MyBatis.
 */
final class SqlNames {
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\"|`[^`]+`");

  private SqlNames() {}

  /**
   * The unquoted parts of a dotted name of {@code min} to {@code max} parts, each a SQL identifier without a
   * dot of its own; {@code null} when {@code text} is not one.
   */
  static List<String> dottedName(String text, int min, int max) {
    List<String> parts = splitOutsideQuotes(text.strip(), ".");
    if (parts.size() < min || parts.size() > max
        || !parts.stream().allMatch(p -> IDENTIFIER.matcher(p.strip()).matches() && !unquoted(p).contains("."))) {
      return null;
    }
    return parts.stream().map(SqlNames::unquoted).toList();
  }

  /** Splits at any of {@code separators} that is not inside '...', "..." or `...`. */
  static List<String> splitOutsideQuotes(String text, String separators) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (char c : text.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '`' || c == '\'') {
        quote = c;
      } else if (separators.indexOf(c) >= 0) {
        parts.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    parts.add(current.toString());
    return parts;
  }

  static String unquoted(String identifier) {
    String s = identifier.strip();
    boolean quoted = s.length() >= 2
        && (s.charAt(0) == '"' || s.charAt(0) == '`') && s.charAt(s.length() - 1) == s.charAt(0);
    return quoted ? s.substring(1, s.length() - 1) : s;
  }
}
