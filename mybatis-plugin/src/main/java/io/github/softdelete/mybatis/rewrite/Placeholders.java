package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.sql.SqlText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.statement.Statement;

/**
 * The values the library adds travel through the rewrite as named parameters ({@code :__softdelete_marker});
 * once the SQL is printed, they become {@code ?} and every {@code ?} is told where its value comes from, in
 * the order JDBC binds them. Scanning the printed SQL, rather than the tree, keeps that order exactly the
 * order of the text. A parameter of the application's that a rewrite writes a second time (a MERGE's inserted
 * value, again in its revive) travels as {@code :__softdelete_copy_<n>}: another {@code ?} bound to its n-th.
 */
final class Placeholders {
  private static final String PREFIX = "__softdelete_";
  private static final String COPY = "COPY_";
  private static final String COPY_PARAMETER = ":" + PREFIX + COPY.toLowerCase(Locale.ROOT);

  private Placeholders() {}

  /** The named parameter that stands for {@code added} until the SQL is printed. */
  static JdbcNamedParameter of(Binding.Added added) {
    return new JdbcNamedParameter(PREFIX + added.name().toLowerCase(Locale.ROOT));
  }

  /** How a second use of the application's parameter {@code index} (from 0, in text order) is printed. */
  static String copyOf(int index) {
    return COPY_PARAMETER + index;
  }

  /** Whether the printed SQL carries any added value. */
  static boolean carriesAdded(String sql) {
    return sql.contains(":" + PREFIX);
  }

  /** Whether the printed SQL writes one of the application's parameters a second time. */
  static boolean carriesCopies(String sql) {
    return sql.contains(COPY_PARAMETER);
  }

  /**
   * Whether the parser read each {@code ?} of {@code sql} as a parameter, as {@link #bind} counts them: then its
   * numbering, by which a copy names its parameter, is the application's.
   */
  static boolean parsedAsWritten(List<Statement> statements, String sql) {
    Set<Object> parameters = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Statement statement : statements) {
      AstWalker.walk(statement, node -> {
        if (node instanceof JdbcParameter parameter) {
          parameters.add(parameter);
        }
        return true;
      });
    }
    return parameters.size() == originalCount(sql);
  }

  /**
   * {@code sql} with each added value and copy replaced by {@code ?}, and the source of every {@code ?}: the
   * i-th {@code ?} the application wrote is its parameter i. {@code ?} inside quotes and comments is not a
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
        bindings.add(name.startsWith(COPY) ? Binding.original(Integer.parseInt(name.substring(COPY.length())))
            : Binding.added(Binding.Added.valueOf(name)));
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
