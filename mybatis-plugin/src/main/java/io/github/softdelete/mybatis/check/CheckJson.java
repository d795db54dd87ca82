package io.github.softdelete.mybatis.check;

import io.github.softdelete.mybatis.SoftDeleteCheck;
import io.github.softdelete.mybatis.SoftDeleteCheck.Outcome;
import io.github.softdelete.mybatis.SoftDeleteCheck.Shape;
import io.github.softdelete.mybatis.SoftDeleteCheck.Statement;
import io.github.softdelete.mybatis.SoftDeleteCheck.Verdict;
import io.github.softdelete.mybatis.SoftDeleteMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The whole report as JSON, for CI tools: every statement, each shape of its SQL, each mode's verdict. */
public final class CheckJson {
  private CheckJson() {}

  public static String of(SoftDeleteCheck check) {
    return of(check, null);
  }

  /** With the mapper files read, and those that could not be, first. */
  static String of(SoftDeleteCheck check, MapperXml.Loaded loaded) {
    StringBuilder out = new StringBuilder("{\n");
    if (loaded != null) {
      out.append("  \"files\": ").append(strings(loaded.files().stream().map(Object::toString).toList())).append(",\n");
      out.append("  \"unreadable\": ").append(strings(loaded.failures())).append(",\n");
    }
    out.append("  \"database\": ").append(string(check.database())).append(",\n");
    out.append("  \"softTables\": ").append(strings(check.softTables())).append(",\n");
    out.append("  \"refused\": ").append(check.refused().size()).append(",\n");
    out.append("  \"partlyChecked\": ").append(check.partlyChecked().size()).append(",\n");
    out.append("  \"statements\": [");
    List<Statement> statements = check.statements();
    for (int i = 0; i < statements.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      statement(out, check, statements.get(i));
    }
    out.append(statements.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
    return out.toString();
  }

  private static void statement(StringBuilder out, SoftDeleteCheck check, Statement statement) {
    out.append("    {\"id\": ").append(string(statement.id()))
        .append(", \"kind\": ").append(string(statement.kind()))
        .append(", \"resource\": ").append(string(statement.resource()))
        .append(", \"outcome\": ").append(string(outcome(statement.outcome(SoftDeleteMode.DEFAULT))))
        .append(", \"excepted\": ").append(check.isExcepted(statement.id()))
        .append(", \"coverage\": ").append(string(statement.coverage().name().toLowerCase(Locale.ROOT)))
        .append(", \"coverageNote\": ").append(string(statement.coverageNote()))
        .append(",\n     \"shapes\": [");
    List<Shape> shapes = statement.shapes();
    for (int i = 0; i < shapes.size(); i++) {
      Shape shape = shapes.get(i);
      out.append(i == 0 ? "\n" : ",\n").append("       {\"shape\": ").append(string(shape.name()))
          .append(", \"sql\": ").append(string(shape.sql())).append(", \"modes\": {");
      boolean first = true;
      for (Map.Entry<SoftDeleteMode, Verdict> entry : shape.verdicts().entrySet()) {
        Verdict verdict = entry.getValue();
        out.append(first ? "\n" : ",\n").append("         ").append(string(Modes.label(entry.getKey())))
            .append(": {\"outcome\": ").append(string(outcome(verdict.outcome())))
            .append(", \"runs\": ").append(strings(verdict.runs()))
            .append(", \"note\": ").append(string(verdict.note())).append('}');
        first = false;
      }
      out.append("}}");
    }
    out.append(shapes.isEmpty() ? "]}" : "\n     ]}");
  }

  private static String outcome(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String strings(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(string(values.get(i)));
    }
    return out.append(']').toString();
  }

  static String string(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
