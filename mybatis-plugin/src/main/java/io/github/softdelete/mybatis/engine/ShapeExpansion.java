package io.github.softdelete.mybatis.engine;

import io.github.softdelete.mybatis.rewrite.Binding;
import io.github.softdelete.mybatis.rewrite.PlannedStatement;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.sql.SqlText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Puts back what a {@link StatementShape} took out, in the rewrite of the shape: each placeholder that stands
 * for a literal becomes the literal's text as written, each pair (of items or of VALUES rows) that stands for
 * a list is written again with as many as the statement has, separated as the printer separated the pair, and
 * every binding moves to the index its parameter has as written. Anything it cannot place with certainty (a
 * list item bound alone, items not side by side, rows separated by more than {@code ), (}) gives no answer,
 * and the statement is rewritten from its own text. One pass over the rewrite, so a list of any length costs
 * its own length.
 */
final class ShapeExpansion {
  private final StatementShape shape;
  // the statement as written, where the literals' texts are
  private final String written;

  private ShapeExpansion(StatementShape shape, String written) {
    this.shape = shape;
    this.written = written;
  }

  /**
   * The rewrite of the statement {@code sql} of {@code shape}, from the rewrite of its shape's text, or
   * {@code null} when what was taken out cannot be put back with certainty.
   */
  static RewriteResult expand(StatementShape shape, String sql, RewriteResult ofShape) {
    if (!ofShape.changed()) {
      // as written: the statement's own string, never a copy of it
      return new RewriteResult(sql, false, null, List.of(), ofShape.table(), ofShape.leftAsWritten());
    }
    ShapeExpansion expansion = new ShapeExpansion(shape, sql);
    Expanded main = expansion.expand(ofShape.sql(), ofShape.bindings());
    if (main == null) {
      return null;
    }
    List<PlannedStatement> before = new ArrayList<>(ofShape.before().size());
    for (PlannedStatement planned : ofShape.before()) {
      Expanded child = expansion.expand(planned.sql(), planned.bindings());
      if (child == null || child.bindings() == null) {
        return null;
      }
      before.add(planned.withSql(child.sql(), child.bindings()));
    }
    List<Binding> bindings = main.bindings();
    if (before.isEmpty() && isApplicationsInOrder(bindings)) {
      // as the full text's rewrite says it: the ? that made them needed were literals, now written back
      bindings = null;
    }
    return new RewriteResult(main.sql(), true, bindings, List.copyOf(before), ofShape.table(),
        ofShape.leftAsWritten());
  }

  private record Expanded(String sql, List<Binding> bindings) {}

  /** {@code bindings == null}: the placeholders are the shape's items in their order. */
  private Expanded expand(String sql, List<Binding> bindings) {
    int length = sql.length();
    StringBuilder out = new StringBuilder(length + written.length() - shape.canonical().length() + 16);
    List<Binding> expanded = bindings == null ? null : new ArrayList<>(bindings.size() + 16);
    int placeholder = 0;
    int copied = 0;
    int i = 0;
    while (i < length) {
      int quoted = SqlText.endOfQuoted(sql, i);
      if (quoted > i) {
        i = quoted;
        continue;
      }
      char c = sql.charAt(i);
      if ((c == '-' || c == '/') && (sql.startsWith("--", i) || sql.startsWith("/*", i) || sql.startsWith("//", i))) {
        // the shape's text has none, so the rewrite added it: not read here
        return null;
      }
      if (c != '?') {
        i++;
        continue;
      }
      Binding binding = bindings == null ? null : placeholder < bindings.size() ? bindings.get(placeholder) : DONE;
      if (binding == DONE) {
        return null;
      }
      if (binding != null && binding.isAdded()) {
        expanded.add(binding);
        placeholder++;
        i++;
        continue;
      }
      int p = binding == null ? placeholder : binding.original();
      if (p < 0 || p >= shape.canonicalPlaceholders()) {
        return null;
      }
      byte role = shape.role(p);
      if (role == StatementShape.FOLLOWS) {
        return null;
      }
      if (role == StatementShape.ONE) {
        int item = shape.firstItem(p);
        if (shape.parameter(item) < 0) {
          out.append(sql, copied, i).append(written, shape.itemStart(item), shape.itemEnd(item));
          copied = i + 1;
        } else if (expanded != null) {
          expanded.add(new Binding(shape.parameter(item), null));
        }
        placeholder++;
        i++;
        continue;
      }
      int width = shape.width(p);
      int[] at = pair(sql, i, 2 * width);
      if (at == null || !samePair(sql, at, width, role == StatementShape.ROWS) || !boundInOrder(bindings, placeholder, p, 2 * width)) {
        return null;
      }
      out.append(sql, copied, i);
      int first = shape.firstItem(p);
      int groups = shape.groups(p);
      if (shape.onlyParameters(p)) {
        // the common case, a <foreach> of #{}: the first group as printed, then the rest at once
        out.append(sql, i, at[width - 1] + 1);
        out.append(sql.substring(at[width - 1] + 1, at[2 * width - 1] + 1).repeat(groups - 1));
        if (expanded != null) {
          int parameter = shape.parameter(first);
          for (int k = 0; k < groups * width; k++) {
            expanded.add(new Binding(parameter + k, null));
          }
        }
      } else {
        appendItems(out, sql, at, width, first, groups, expanded);
      }
      copied = at[2 * width - 1] + 1;
      placeholder += 2 * width;
      i = copied;
    }
    if (bindings == null ? placeholder != shape.canonicalPlaceholders() : placeholder != bindings.size()) {
      return null;
    }
    out.append(sql, copied, length);
    return new Expanded(out.toString(), expanded == null ? null : Collections.unmodifiableList(expanded));
  }

  // each item as written (a literal's text, or ? and its binding), separated as the first two groups are
  private void appendItems(StringBuilder out, String sql, int[] at, int width, int first, int groups,
      List<Binding> expanded) {
    for (int group = 0; group < groups; group++) {
      if (group > 0) {
        out.append(sql, at[width - 1] + 1, at[width]);
      }
      for (int k = 0; k < width; k++) {
        if (k > 0) {
          out.append(sql, at[k - 1] + 1, at[k]);
        }
        int item = first + group * width + k;
        int parameter = shape.parameter(item);
        if (parameter < 0) {
          out.append(written, shape.itemStart(item), shape.itemEnd(item));
        } else {
          out.append('?');
          if (expanded != null) {
            expanded.add(new Binding(parameter, null));
          }
        }
      }
    }
  }

  // a binding no placeholder has: the rewrite has more ? than bindings
  private static final Binding DONE = new Binding(-1, null);

  /**
   * Where the {@code count} placeholders of a list's first two groups are, from the one at {@code i}: side by
   * side, with only whitespace, commas and parentheses between them; {@code null} when they are not.
   */
  private static int[] pair(String sql, int i, int count) {
    int[] at = new int[count];
    at[0] = i;
    for (int k = 1; k < count; k++) {
      int next = at[k - 1] + 1;
      while (next < sql.length() && sql.charAt(next) != '?') {
        char c = sql.charAt(next);
        if (c != ',' && c != '(' && c != ')' && !Character.isWhitespace(c)) {
          return null;
        }
        next++;
      }
      if (next == sql.length()) {
        return null;
      }
      at[k] = next;
    }
    return at;
  }

  /**
   * Whether the two groups read as two items of one list: one comma between items of a group, the same in
   * both; between the groups one comma (an IN-list) or {@code ), (} (VALUES rows).
   */
  private static boolean samePair(String sql, int[] at, int width, boolean rows) {
    for (int k = 0; k + 1 < width; k++) {
      int from = at[k] + 1;
      int to = at[k + 1];
      int otherFrom = at[width + k] + 1;
      if (!isSequence(sql, from, to, ",") || to - from != at[width + k + 1] - otherFrom
          || !sql.regionMatches(from, sql, otherFrom, to - from)) {
        return false;
      }
    }
    return isSequence(sql, at[width - 1] + 1, at[width], rows ? "),(" : ",");
  }

  // whether sql[from, to) is the characters of expected in order, with whitespace only around them
  private static boolean isSequence(String sql, int from, int to, String expected) {
    int next = 0;
    for (int i = from; i < to; i++) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      if (next == expected.length() || c != expected.charAt(next)) {
        return false;
      }
      next++;
    }
    return next == expected.length();
  }

  // whether the count placeholders from n are bound to the shape's placeholders from p, in order
  private static boolean boundInOrder(List<Binding> bindings, int n, int p, int count) {
    if (bindings == null) {
      return n == p;
    }
    if (n + count > bindings.size()) {
      return false;
    }
    for (int k = 0; k < count; k++) {
      Binding binding = bindings.get(n + k);
      if (binding.isAdded() || binding.original() != p + k) {
        return false;
      }
    }
    return true;
  }

  // the application's parameters, each once, in their order: what no bindings at all say
  private static boolean isApplicationsInOrder(List<Binding> bindings) {
    if (bindings == null) {
      return true;
    }
    for (int k = 0; k < bindings.size(); k++) {
      if (bindings.get(k).isAdded() || bindings.get(k).original() != k) {
        return false;
      }
    }
    return true;
  }
}
