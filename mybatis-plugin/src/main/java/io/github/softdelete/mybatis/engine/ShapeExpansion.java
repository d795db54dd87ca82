package io.github.softdelete.mybatis.engine;

import io.github.softdelete.mybatis.rewrite.Binding;
import io.github.softdelete.mybatis.rewrite.PlannedStatement;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * Grows the IN-lists a {@link StatementShape} cut short back to their written length, in the rewrite of the
 * shape: each pair of placeholders that stands for a list is written again with as many items, separated as
 * the printer separated the pair, and every binding moves to the index its parameter has as written. Anything
 * it cannot place with certainty (a list item bound alone, items not side by side) gives no answer, and the
 * statement is rewritten from its own text.
 */
final class ShapeExpansion {
  private final StatementShape shape;
  // per placeholder of the shape's text: its index as written, and the length of the list it opens (0: none,
  // -1: the second item of a list)
  private final int[] written;
  private final int[] opens;

  private ShapeExpansion(StatementShape shape) {
    this.shape = shape;
    int count = shape.canonicalPlaceholders();
    this.written = new int[count];
    this.opens = new int[count];
    int shift = 0;
    int next = 0;
    for (StatementShape.Run run : shape.runs()) {
      for (; next < run.canonicalIndex(); next++) {
        written[next] = next + shift;
      }
      written[next] = run.originalIndex();
      opens[next] = run.length();
      written[next + 1] = run.originalIndex() + 1;
      opens[next + 1] = -1;
      next += 2;
      shift += run.length() - 2;
    }
    for (; next < count; next++) {
      written[next] = next + shift;
    }
  }

  /**
   * The rewrite of the statement {@code sql} of {@code shape}, from the rewrite of its shape's text, or
   * {@code null} when the lists cannot be put back with certainty.
   */
  static RewriteResult expand(StatementShape shape, String sql, RewriteResult ofShape) {
    ShapeExpansion expansion = new ShapeExpansion(shape);
    if (!ofShape.changed()) {
      // as written: the statement's own string, never a copy of it
      return new RewriteResult(sql, false, null, List.of(), ofShape.table(), ofShape.leftAsWritten());
    }
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
    return new RewriteResult(main.sql(), true, main.bindings(), List.copyOf(before), ofShape.table(),
        ofShape.leftAsWritten());
  }

  private record Expanded(String sql, List<Binding> bindings) {}

  /** {@code bindings == null}: the placeholders are the application's parameters in their order. */
  private Expanded expand(String sql, List<Binding> bindings) {
    StringBuilder out = new StringBuilder(sql.length() + 16 * shape.runs().size());
    List<Binding> expanded = bindings == null ? null : new ArrayList<>();
    int placeholder = 0;
    int copied = 0;
    int i = 0;
    int length = sql.length();
    while (i < length) {
      int quoted = SqlText.endOfQuoted(sql, i);
      if (quoted > i) {
        i = quoted;
        continue;
      }
      if (sql.startsWith("--", i) || sql.startsWith("/*", i) || sql.startsWith("//", i)) {
        // the shape's text has none, so the rewrite added it: not read here
        return null;
      }
      if (sql.charAt(i) != '?') {
        i++;
        continue;
      }
      Binding binding = bindingOf(bindings, placeholder);
      if (binding == null) {
        return null;
      }
      if (binding.isAdded()) {
        expanded.add(binding);
        placeholder++;
        i++;
        continue;
      }
      int index = binding.original();
      if (index < 0 || index >= written.length || opens[index] < 0) {
        return null;
      }
      if (opens[index] == 0) {
        if (expanded != null) {
          expanded.add(new Binding(written[index], null));
        }
        placeholder++;
        i++;
        continue;
      }
      // a list: the next placeholder must be its second item, with only a separator between
      int second = nextPlaceholder(sql, i + 1);
      Binding secondBinding = second < 0 ? null : bindingOf(bindings, placeholder + 1);
      if (secondBinding == null || secondBinding.isAdded() || secondBinding.original() != index + 1
          || !separator(sql, i + 1, second)) {
        return null;
      }
      out.append(sql, copied, i + 1);
      String between = sql.substring(i + 1, second);
      for (int item = 1; item < opens[index]; item++) {
        out.append(between).append('?');
      }
      if (expanded != null) {
        for (int item = 0; item < opens[index]; item++) {
          expanded.add(new Binding(written[index] + item, null));
        }
      }
      copied = second + 1;
      placeholder += 2;
      i = second + 1;
    }
    if (bindings == null ? placeholder != written.length : placeholder != bindings.size()) {
      return null;
    }
    out.append(sql, copied, length);
    return new Expanded(out.toString(), expanded == null ? null : List.copyOf(expanded));
  }

  // the binding of the n-th placeholder, or null when there is none
  private static Binding bindingOf(List<Binding> bindings, int n) {
    if (bindings == null) {
      return new Binding(n, null);
    }
    return n < bindings.size() ? bindings.get(n) : null;
  }

  private static int nextPlaceholder(String sql, int from) {
    for (int i = from; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '?') {
        return i;
      }
      if (c != ',' && !Character.isWhitespace(c)) {
        return -1;
      }
    }
    return -1;
  }

  // only whitespace and one comma
  private static boolean separator(String sql, int from, int to) {
    int commas = 0;
    for (int i = from; i < to; i++) {
      char c = sql.charAt(i);
      if (c == ',') {
        commas++;
      } else if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return commas == 1;
  }
}
