package io.github.softdelete.mybatis;

import io.github.softdelete.mybatis.sql.SqlText;
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
    List<String> parts = SqlText.splitOutsideQuotes(text.strip(), ".");
    if (parts.size() < min || parts.size() > max
        || !parts.stream().allMatch(p -> IDENTIFIER.matcher(p.strip()).matches() && !SqlText.unquoted(p).contains("."))) {
      return null;
    }
    return parts.stream().map(SqlText::unquoted).toList();
  }
}
