package io.github.softdelete.mybatis.engine;

import io.github.softdelete.mybatis.sql.SqlText;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A statement's shape: its text with what the rewrite only carries along taken out, so that the statements
 * that differ only there share one rewrite.
 * <ul>
 *   <li>every IN-list of three or more items ({@code IN (?, ?, ?)}, as a {@code <foreach>} writes it) and every
 *       run of three or more VALUES rows of bare placeholders of one width ({@code VALUES (?, ?), (?, ?), ...})
 *       is cut to its first two items or rows. Two, not one: a one-item list may read as a parenthesis, and the
 *       second shows how the printed rewrite separates items, so that {@link ShapeExpansion} can grow the list
 *       back as the printer would write it;
 *   <li>a number or a plain string compared with {@code =, <>, !=, <, >, <=, >=} ({@code WHERE id = 17}, as a
 *       {@code ${}} writes it), or an item of such an IN-list, becomes a {@code ?}, whose original text is put
 *       back where its placeholder lands. Only when the statement names no column whose values the rules read
 *       or write (a marker, who and why: {@code del_flag = '2'} decides about deleted rows) and is no MERGE
 *       (whose rewrite tells a literal key from a parameter), and only literals
 *       the parser prints as written, in a place where a {@code ?} reads the same: no sign, cast, prefix
 *       ({@code DATE '...'}, {@code E'...'}, {@code N'...'}), operator or concatenation next to them.
 * </ul>
 *
 * <p>Only text read with certainty takes part: none with a comment (the rewrite keeps comments in place by
 * their tokens), a backslash (escapes in strings), a {@code $} (dollar quoting) or an Oracle {@code q'...'}
 * string, and no {@code ?} next to another ({@code ??}, {@code ?|}: operators on PostgreSQL).
 *
 * <p>Every item of the statement as written (a {@code ?} or a literal) is numbered in text order; each
 * placeholder of the shape's text stands for one item ({@link #ONE}), for all the items of a cut IN-list
 * ({@link #GROUPS}: it opens the list) or of cut VALUES rows ({@link #ROWS}), or for none ({@link #FOLLOWS}: the
 * rest of the list's first two groups).
 */
final class StatementShape {
  static final byte ONE = 0;
  static final byte GROUPS = 1;
  static final byte FOLLOWS = 2;
  static final byte ROWS = 3;

  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");
  // the words after which a literal ends an operand for certain
  private static final Set<String> WORDS_AFTER_LITERAL = Set.of("and", "or", "then", "else", "end", "when", "where",
      "order", "group", "having", "limit", "offset", "union", "except", "intersect", "on", "join", "inner", "left",
      "right", "full", "cross", "natural", "for", "returning", "window", "fetch");
  // the rewrite of a MERGE tells a literal from a parameter (ON t.id = 5 names one row, ON t.id = ? may not)
  private static final String OPERATOR_CHARS = "=<>!:|&^~@#%*/+-";
  // longer numbers may be printed otherwise than written
  private static final int LONGEST_NUMBER = 18;

  private final String canonical;
  private final int placeholders;
  private final byte[] role;
  // per placeholder of the shape's text: its first item; for GROUPS also the list's width and groups
  private final int[] firstItem;
  private final int[] width;
  private final int[] groups;
  private final boolean[] onlyParameters;
  // per item as written: where its text is, and for a ? the index of the application's parameter (-1: a literal)
  private final int[] itemStart;
  private final int[] itemEnd;
  private final int[] itemParameter;
  private final boolean literals;
  private final boolean lists;

  private StatementShape(Builder b) {
    this.canonical = b.canonical.toString();
    this.placeholders = b.placeholders;
    this.role = Arrays.copyOf(b.role, b.placeholders);
    this.firstItem = Arrays.copyOf(b.firstItem, b.placeholders);
    this.width = Arrays.copyOf(b.width, b.placeholders);
    this.groups = Arrays.copyOf(b.groups, b.placeholders);
    this.onlyParameters = Arrays.copyOf(b.onlyParameters, b.placeholders);
    this.itemStart = b.itemStart;
    this.itemEnd = b.itemEnd;
    this.itemParameter = b.itemParameter;
    this.literals = b.literals;
    this.lists = b.lists;
  }

  /** The shape of {@code sql} with no literal taken out; see {@link #of(String, Set)}. */
  static StatementShape of(String sql) {
    return of(sql, null);
  }

  /**
   * The shape of {@code sql}, or {@code null} when it has nothing to take out or is not read with certainty.
   *
   * @param markerColumns the columns whose values the rules read or write (lower case), whose mention keeps
   *     every literal in the shape; {@code null}: literals always stay
   */
  static StatementShape of(String sql, Set<String> markerColumns) {
    if (sql.contains("/*") || sql.contains("--") || sql.contains("//") || sql.indexOf('\\') >= 0
        || sql.indexOf('$') >= 0) {
      return null;
    }
    Builder b = new Builder(sql, markerColumns);
    int length = sql.length();
    int i = 0;
    while (i < length) {
      char c = sql.charAt(i);
      if (c == '\'') {
        if (i > 0 && (sql.charAt(i - 1) == 'q' || sql.charAt(i - 1) == 'Q')) {
          return null;
        }
        int end = endOfString(sql, i);
        if (end < 0) {
          return null;
        }
        if (literalAt(sql, i, end) && b.literalsAllowed()) {
          b.literal(i, end);
        }
        i = end;
      } else if (c == '"' || c == '`') {
        int end = SqlText.endOfQuoted(sql, i);
        if (end == length && (end == i + 1 || sql.charAt(end - 1) != c)) {
          return null;
        }
        i = end;
      } else if (c == '?') {
        if (!lonePlaceholder(sql, i)) {
          return null;
        }
        b.parameter(i);
        i++;
      } else if (c >= '0' && c <= '9') {
        int end = endOfNumber(sql, i);
        if (end > 0 && literalAt(sql, i, end) && b.literalsAllowed()) {
          b.literal(i, end);
        }
        i = end > 0 ? end : endOfWord(sql, i);
      } else if (isWordChar(c)) {
        int end = endOfWord(sql, i);
        if (end - i == 2 && sql.regionMatches(true, i, "in", 0, 2) && i > 0
            && isSpace(sql.charAt(i - 1))) {
          int after = b.list(end);
          i = after > 0 ? after : end;
        } else if (end - i == 6 && sql.regionMatches(true, i, "values", 0, 6)) {
          int after = b.rows(end);
          i = after > 0 ? after : end;
        } else {
          i = end;
        }
      } else {
        i++;
      }
    }
    if (!b.lists && !b.literals) {
      return null;
    }
    b.canonical.append(sql, b.copiedUpTo, length);
    return new StatementShape(b);
  }

  /** The text the rewrite of every statement of this shape is computed from. */
  String canonical() {
    return canonical;
  }

  /** How many placeholders the shape's text has. */
  int canonicalPlaceholders() {
    return placeholders;
  }

  /** Whether a literal was taken out (the shape's text may then name fewer tables than the statement). */
  boolean hasLiterals() {
    return literals;
  }

  /** {@link #ONE}, {@link #GROUPS}, {@link #ROWS} or {@link #FOLLOWS}, for the placeholder {@code p} of the shape's text. */
  byte role(int p) {
    return role[p];
  }

  /** The (first) item the placeholder {@code p} of the shape's text stands for. */
  int firstItem(int p) {
    return firstItem[p];
  }

  /** For a {@link #GROUPS} or {@link #ROWS} placeholder: the items of each group (1 in an IN-list). */
  int width(int p) {
    return width[p];
  }

  /**
   * For a {@link #GROUPS} or {@link #ROWS} placeholder: whether its items are all the application's
   * parameters, consecutive from {@code parameter(firstItem(p))}, no literal among them.
   */
  boolean onlyParameters(int p) {
    return onlyParameters[p];
  }

  /** For a {@link #GROUPS} or {@link #ROWS} placeholder: how many groups the list has as written. */
  int groups(int p) {
    return groups[p];
  }

  /** For the item {@code item} as written: the application's parameter it is, or -1 for a literal. */
  int parameter(int item) {
    return itemParameter[item];
  }

  int itemStart(int item) {
    return itemStart[item];
  }

  int itemEnd(int item) {
    return itemEnd[item];
  }

  /** Collects the shape in one pass over the text. */
  private static final class Builder {
    private final String sql;
    private final Set<String> markerColumns;
    private final StringBuilder canonical;
    private int copiedUpTo;
    private int placeholders;
    private byte[] role = new byte[8];
    private int[] firstItem = new int[8];
    private int[] width = new int[8];
    private int[] groups = new int[8];
    private boolean[] onlyParameters = new boolean[8];
    private int items;
    private int parameters;
    private int[] itemStart = new int[8];
    private int[] itemEnd = new int[8];
    private int[] itemParameter = new int[8];
    private boolean literals;
    private boolean lists;
    // decided on the first literal met: null until then
    private Boolean literalsAllowed;

    Builder(String sql, Set<String> markerColumns) {
      this.sql = sql;
      this.markerColumns = markerColumns;
      this.canonical = new StringBuilder(Math.min(sql.length(), 4096));
    }

    boolean literalsAllowed() {
      if (literalsAllowed == null) {
        // a MERGE's rewrite tells a literal key (ON t.id = 5) from a parameter
        literalsAllowed = markerColumns != null
            && SqlText.firstWordAmong(sql, markerColumns.toArray(String[]::new)) == null
            && SqlText.firstWordAmong(sql, "merge") == null;
      }
      return literalsAllowed;
    }

    void parameter(int at) {
      placeholder(ONE, item(at, at + 1, parameters++), 0, 0);
    }

    void literal(int start, int end) {
      placeholder(ONE, item(start, end, -1), 0, 0);
      cutLiteral(start, end);
      literals = true;
    }

    private void cutLiteral(int start, int end) {
      canonical.append(sql, copiedUpTo, start).append('?');
      copiedUpTo = end;
    }

    /**
     * Reads {@code ( item, item, ... )} from {@code at}, each item a lone {@code ?} or a literal: when three or
     * more, takes the list and returns the index after its closing parenthesis; else -1 and takes nothing.
     */
    int list(int at) {
      int open = skipSpace(sql, at);
      if (open >= sql.length() || sql.charAt(open) != '(') {
        return -1;
      }
      int first = items;
      int firstParameter = parameters;
      int next = skipSpace(sql, open + 1);
      while (true) {
        int end = itemAt(next);
        if (end < 0) {
          return undo(first, firstParameter);
        }
        next = skipSpace(sql, end);
        if (next < sql.length() && sql.charAt(next) == ',') {
          next = skipSpace(sql, next + 1);
        } else if (next < sql.length() && sql.charAt(next) == ')') {
          return items - first >= 3 ? take(GROUPS, first, 1, items - first, next + 1) : undo(first, firstParameter);
        } else {
          return undo(first, firstParameter);
        }
      }
    }

    /**
     * Reads {@code (?, ...), (?, ...), ...} from {@code at}: when three or more rows of bare placeholders of one
     * width, takes them and returns the index after the last row; else -1 and takes nothing.
     */
    int rows(int at) {
      int first = items;
      int firstParameter = parameters;
      int rowWidth = -1;
      int rowCount = 0;
      int next = skipSpace(sql, at);
      int afterRows = -1;
      while (next < sql.length() && sql.charAt(next) == '(') {
        int count = 0;
        next = skipSpace(sql, next + 1);
        while (true) {
          if (next >= sql.length() || sql.charAt(next) != '?' || !lonePlaceholder(sql, next)) {
            return undo(first, firstParameter);
          }
          item(next, next + 1, parameters++);
          count++;
          next = skipSpace(sql, next + 1);
          if (next < sql.length() && sql.charAt(next) == ',') {
            next = skipSpace(sql, next + 1);
          } else if (next < sql.length() && sql.charAt(next) == ')') {
            break;
          } else {
            return undo(first, firstParameter);
          }
        }
        if (rowWidth >= 0 && count != rowWidth) {
          return undo(first, firstParameter);
        }
        rowWidth = count;
        rowCount++;
        afterRows = next + 1;
        next = skipSpace(sql, next + 1);
        if (next < sql.length() && sql.charAt(next) == ',') {
          next = skipSpace(sql, next + 1);
        } else {
          break;
        }
      }
      return rowCount >= 3 ? take(ROWS, first, rowWidth, rowCount, afterRows) : undo(first, firstParameter);
    }

    // the end of the list item at i (a lone ? or a literal), taking it; -1 when there is none
    private int itemAt(int i) {
      if (i >= sql.length()) {
        return -1;
      }
      char c = sql.charAt(i);
      if (c == '?') {
        if (!lonePlaceholder(sql, i)) {
          return -1;
        }
        item(i, i + 1, parameters++);
        return i + 1;
      }
      int end = c == '\'' && (sql.charAt(i - 1) == '(' || sql.charAt(i - 1) == ',' || isSpace(
          sql.charAt(i - 1))) ? endOfString(sql, i) : c >= '0' && c <= '9' ? endOfNumber(sql, i) : -1;
      if (end < 0 || !literalsAllowed()) {
        return -1;
      }
      item(i, end, -1);
      return end;
    }

    // the list of groups from item first: its first two groups in the shape's text, the rest dropped
    private int take(byte kind, int first, int groupWidth, int groupCount, int after) {
      int opener = placeholder(kind, first, groupWidth, groupCount);
      boolean parametersOnly = true;
      for (int k = first; k < items && parametersOnly; k++) {
        parametersOnly = itemParameter[k] >= 0;
      }
      onlyParameters[opener] = parametersOnly;
      for (int k = 1; k < 2 * groupWidth; k++) {
        placeholder(FOLLOWS, first + k, 0, 0);
      }
      for (int k = first; k < first + 2 * groupWidth; k++) {
        if (itemParameter[k] < 0) {
          cutLiteral(itemStart[k], itemEnd[k]);
          literals = true;
        }
      }
      int lastKept = first + 2 * groupWidth - 1;
      for (int k = lastKept + 1; k < items; k++) {
        literals |= itemParameter[k] < 0;
      }
      canonical.append(sql, copiedUpTo, itemEnd[lastKept]);
      copiedUpTo = itemEnd[items - 1];
      lists = true;
      return after;
    }

    private int undo(int first, int firstParameter) {
      items = first;
      parameters = firstParameter;
      return -1;
    }

    private int item(int start, int end, int parameter) {
      if (items == itemStart.length) {
        int grown = items * 2;
        itemStart = Arrays.copyOf(itemStart, grown);
        itemEnd = Arrays.copyOf(itemEnd, grown);
        itemParameter = Arrays.copyOf(itemParameter, grown);
      }
      itemStart[items] = start;
      itemEnd[items] = end;
      itemParameter[items] = parameter;
      return items++;
    }

    private int placeholder(byte kind, int item, int groupWidth, int groupCount) {
      if (placeholders == role.length) {
        int grown = placeholders * 2;
        role = Arrays.copyOf(role, grown);
        firstItem = Arrays.copyOf(firstItem, grown);
        width = Arrays.copyOf(width, grown);
        groups = Arrays.copyOf(groups, grown);
        onlyParameters = Arrays.copyOf(onlyParameters, grown);
      }
      role[placeholders] = kind;
      firstItem[placeholders] = item;
      width[placeholders] = groupWidth;
      groups[placeholders] = groupCount;
      return placeholders++;
    }
  }

  /**
   * Whether the literal at {@code [start, end)} is an operand of a comparison that nothing else touches: a
   * comparison operator before it, and after it the end, {@code )}, {@code ,} or a word that starts a clause.
   */
  private static boolean literalAt(String sql, int start, int end) {
    int before = start - 1;
    while (before >= 0 && isSpace(sql.charAt(before))) {
      before--;
    }
    int operatorStart = before;
    while (operatorStart >= 0 && OPERATOR_CHARS.indexOf(sql.charAt(operatorStart)) >= 0) {
      operatorStart--;
    }
    if (!COMPARISONS.contains(sql.substring(operatorStart + 1, before + 1))) {
      return false;
    }
    int after = skipSpace(sql, end);
    if (after == sql.length()) {
      return true;
    }
    char c = sql.charAt(after);
    if (c == ')' || c == ',') {
      return true;
    }
    if (after == end || !Character.isLetter(c)) {
      return false;
    }
    String word = sql.substring(after, endOfWord(sql, after)).toLowerCase(Locale.ROOT);
    return WORDS_AFTER_LITERAL.contains(word);
  }

  // the end of the string starting at the quote i, a doubled quote inside it; -1 when it never closes
  private static int endOfString(String sql, int i) {
    int end = i;
    do {
      int close = sql.indexOf('\'', end + 1);
      if (close < 0) {
        return -1;
      }
      end = close + 1;
    } while (end < sql.length() && sql.charAt(end) == '\'');
    return end;
  }

  /**
   * The end of the number at i: digits, a point and digits, not part of a word ({@code t1}, {@code 1e5},
   * {@code 0x1F}) or of a longer number; -1 when it is not such a number.
   */
  private static int endOfNumber(String sql, int i) {
    if (i > 0 && (isWordChar(sql.charAt(i - 1)) || sql.charAt(i - 1) == '.')) {
      return -1;
    }
    int end = digitsFrom(sql, i);
    if (end < sql.length() && sql.charAt(end) == '.') {
      int fraction = digitsFrom(sql, end + 1);
      if (fraction == end + 1) {
        return -1;
      }
      end = fraction;
    }
    if (end - i > LONGEST_NUMBER || end < sql.length() && (isWordChar(sql.charAt(end)) || sql.charAt(end) == '.')) {
      return -1;
    }
    return end;
  }

  private static int digitsFrom(String sql, int i) {
    while (i < sql.length() && sql.charAt(i) >= '0' && sql.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static int endOfWord(String sql, int i) {
    while (i < sql.length() && isWordChar(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isWordChar(char c) {
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$'
        || c >= 128 && Character.isLetterOrDigit(c);
  }

  // ASCII whitespace only: a list spaced otherwise is left whole, as no certain reading of it is needed
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }

  // not part of ??, ?|, ?&, ?- or similar: a placeholder as JDBC and the parser both count it
  private static boolean lonePlaceholder(String sql, int i) {
    char before = i > 0 ? sql.charAt(i - 1) : ' ';
    char after = i + 1 < sql.length() ? sql.charAt(i + 1) : ' ';
    return before != '?' && after != '?' && after != '|' && after != '&' && after != '-' && after != '#'
        && after != '@';
  }

  private static int skipSpace(String sql, int i) {
    while (i < sql.length() && isSpace(sql.charAt(i))) {
      i++;
    }
    return i;
  }
}
