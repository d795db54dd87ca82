package io.github.softdelete.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Headed steps and aligned tables, for a person reading the console. */
final class Printer {
  static final String INDENT = "   ";

  private final PrintStream out;
  private int step;
  // never reset: changes with every step and every line of code shown, so the SQL display knows a new call began
  private int marks;

  Printer(PrintStream out) {
    this.out = out;
  }

  void title(String text) {
    step = 0;
    out.println();
    out.println("=== " + text);
  }

  void step(String text) {
    out.println();
    out.println("-- " + ++step + ". " + text);
    marks++;
  }

  int marks() {
    return marks;
  }

  /** A line of Java the story runs, as a reader would write it. */
  void code(String text) {
    out.println(INDENT + "> " + text);
    marks++;
  }

  /** A statement, labelled with who sent or received it. */
  void sql(String label, String text) {
    out.println(INDENT + String.format("%-10s", label + ":") + text);
  }

  /** A line the demo copies from another process. */
  void raw(String line) {
    out.println(line);
  }

  /** Table cells for raw JDBC values: timestamps to the second, SQL NULL as NULL. */
  static List<Object> cells(List<?> values) {
    List<Object> cells = new ArrayList<>();
    for (Object value : values) {
      cells.add(value == null ? "NULL" : value instanceof java.sql.Timestamp ? SoftDeleteStory.timestamp(value)
          : value);
    }
    return cells;
  }

  PrintStream stream() {
    return out;
  }

  void note(String text) {
    out.println(INDENT + text);
  }

  /** The moral of a story, set apart from its last step. */
  void conclusion(String text) {
    out.println();
    out.println("=> " + text);
  }

  /** Numbers are right-aligned, everything else left-aligned. */
  <T> void table(List<T> rows, List<String> headers, Function<T, List<?>> cells) {
    if (rows.isEmpty()) {
      note("(no rows)");
      return;
    }
    List<List<?>> lines = new ArrayList<>();
    rows.forEach(row -> lines.add(cells.apply(row)));
    int[] widths = headers.stream().mapToInt(String::length).toArray();
    for (List<?> line : lines) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], String.valueOf(line.get(i)).length());
      }
    }
    List<?> first = lines.get(0);
    printLine(headers, widths, first);
    printLine(Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths, first);
    lines.forEach(line -> printLine(line, widths, first));
  }

  private void printLine(List<?> values, int[] widths, List<?> sample) {
    StringBuilder line = new StringBuilder(INDENT);
    for (int i = 0; i < widths.length; i++) {
      String value = String.valueOf(values.get(i));
      String format = sample.get(i) instanceof Number ? "%" + widths[i] + "s" : "%-" + widths[i] + "s";
      line.append(String.format(format, value)).append(i < widths.length - 1 ? "  " : "");
    }
    out.println(line.toString().stripTrailing());
  }
}
