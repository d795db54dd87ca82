package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.JdbcNamedParameter;

/**
 * The values the library adds travel through the rewrite as named parameters ({@code :__softdelete_marker});
 * once the SQL is printed, they become {@code ?} and every {@code ?} is told where its value comes from, in
 * the order JDBC binds them. Scanning the printed SQL, rather than the tree, keeps that order exactly the
 * order of the text.
 */
final class Placeholders {
  private static final String PREFIX = "__softdelete_";

  private Placeholders() {}

  /** The named parameter that stands for {@code added} until the SQL is printed. */
  static JdbcNamedParameter of(Binding.Added added) {
    return new JdbcNamedParameter(PREFIX + added.name().toLowerCase(Locale.ROOT));
  }

  /** Whether the printed SQL carries any added value. */
  static boolean carriesAdded(String sql) {
    return sql.contains(":" + PREFIX);
  }

  /**
   * {@code sql} with each added value replaced by {@code ?}, and the source of every {@code ?}: the i-th
   * {@code ?} the application wrote is its parameter i. {@code ?} inside quotes and comments is not a
   * parameter.
   */
  static Bound bind(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    List<Binding> bindings = new ArrayList<>();
    int originals = 0;
    int i = 0;
    int length = sql.length();
    while (i < length) {
      char c = sql.charAt(i);
      int end = skipQuotedOrComment(sql, i);
      if (end > i) {
        out.append(sql, i, end);
        i = end;
      } else if (c == '?') {
        bindings.add(Binding.original(originals++));
        out.append(c);
        i++;
      } else if (c == ':' && sql.startsWith(PREFIX, i + 1)) {
        int nameEnd = i + 1;
        while (nameEnd < length && (Character.isLetterOrDigit(sql.charAt(nameEnd)) || sql.charAt(nameEnd) == '_')) {
          nameEnd++;
        }
        String name = sql.substring(i + 1 + PREFIX.length(), nameEnd).toUpperCase(Locale.ROOT);
        bindings.add(Binding.added(Binding.Added.valueOf(name)));
        out.append('?');
        i = nameEnd;
      } else {
        out.append(c);
        i++;
      }
    }
    return new Bound(out.toString(), List.copyOf(bindings), originals);
  }

  /** How many parameters the application wrote into {@code sql}. */
  static int originalCount(String sql) {
    return bind(sql).originals();
  }

  // the index after the quoted text or comment starting at i, or i when none starts there
  private static int skipQuotedOrComment(String sql, int i) {
    int quoted = SqlText.endOfQuoted(sql, i);
    if (quoted > i) {
      return quoted;
    }
    // the parser's line comments: -- and //
    if (sql.startsWith("--", i) || sql.startsWith("//", i)) {
      int newline = sql.indexOf('\n', i);
      return newline < 0 ? sql.length() : newline + 1;
    }
    if (sql.startsWith("/*", i)) {
      int close = sql.indexOf("*/", i + 2);
      return close < 0 ? sql.length() : close + 2;
    }
    return i;
  }

  /**
   * @param sql the SQL to run, with {@code ?} only
   * @param bindings the source of each {@code ?}, in order
   * @param originals how many of them are the application's own
   */
  record Bound(String sql, List<Binding> bindings, int originals) {}
}
