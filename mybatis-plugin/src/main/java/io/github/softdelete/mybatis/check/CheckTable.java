package io.github.softdelete.mybatis.check;

import io.github.softdelete.mybatis.SoftDeleteCheck;
import io.github.softdelete.mybatis.SoftDeleteCheck.Coverage;
import io.github.softdelete.mybatis.SoftDeleteCheck.Outcome;
import io.github.softdelete.mybatis.SoftDeleteCheck.Shape;
import io.github.softdelete.mybatis.SoftDeleteCheck.Statement;
import io.github.softdelete.mybatis.SoftDeleteCheck.Verdict;
import io.github.softdelete.mybatis.SoftDeleteMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The report as people read it: a summary line, one row per statement with its default-mode outcome, then the
 * reason and SQL of each refusal and what was only partly checked.
 */
public final class CheckTable {
  private static final String NL = System.lineSeparator();

  private CheckTable() {}

  public static String of(SoftDeleteCheck check) {
    List<Statement> statements = check.statements();
    StringBuilder out = new StringBuilder();
    out.append("softdelete check: ").append(statements.size()).append(statements.size() == 1 ? " statement" : " statements")
        .append(" on ").append(check.database()).append(", soft tables: ")
        .append(check.softTables().isEmpty() ? "(none)" : String.join(", ", check.softTables())).append(NL);
    out.append("  ").append(summary(check)).append(NL);
    if (statements.isEmpty()) {
      return out.toString();
    }
    int idWidth = "statement".length();
    for (Statement statement : statements) {
      idWidth = Math.max(idWidth, statement.id().length());
    }
    String row = "%-16s %-" + idWidth + "s %-7s %-11s %s";
    out.append(NL).append(String.format(row, "default", "statement", "kind", "checked", "notes").strip()).append(NL);
    for (Statement statement : statements) {
      out.append(String.format(row, statement.outcome(SoftDeleteMode.DEFAULT).label(), statement.id(), statement.kind(),
          coverage(statement), notes(check, statement)).strip()).append(NL);
    }
    List<Statement> refused = new ArrayList<>();
    for (Statement statement : statements) {
      if (statement.outcome(SoftDeleteMode.DEFAULT) == Outcome.REFUSED) {
        refused.add(statement);
      }
    }
    if (!refused.isEmpty()) {
      out.append(NL).append("refused in the default mode:").append(NL);
      for (Statement statement : refused) {
        out.append("  ").append(statement.id()).append(statement.resource() == null ? "" : " (" + statement.resource() + ")")
            .append(check.isExcepted(statement.id()) ? ", excepted" : "").append(NL);
        for (Shape shape : statement.shapes()) {
          Verdict verdict = shape.verdicts().get(SoftDeleteMode.DEFAULT);
          if (verdict.outcome() == Outcome.REFUSED) {
            out.append("    ").append(verdict.note()).append(NL);
            out.append("    SQL").append(shape.name().equals(Shapes.STATIC) ? "" : " (" + shape.name() + ")").append(": ")
                .append(oneLine(shape.sql())).append(NL);
          }
        }
      }
    }
    List<Statement> partly = check.partlyChecked();
    if (!partly.isEmpty()) {
      out.append(NL).append("partly checked:").append(NL);
      for (Statement statement : partly) {
        out.append("  ").append(statement.id()).append(": ").append(statement.coverageNote()).append(NL);
      }
    }
    return out.toString();
  }

  /** One refused statement in {@code mode}, for an assertion's message: id, reason and SQL of each shape refused. */
  public static String refusal(Statement statement, SoftDeleteMode mode) {
    StringBuilder out = new StringBuilder();
    for (Shape shape : statement.shapes()) {
      Verdict verdict = shape.verdicts().get(mode);
      if (verdict.outcome() == Outcome.REFUSED) {
        out.append(out.length() == 0 ? "" : NL).append("  ").append(statement.id()).append(" (").append(Modes.label(mode))
            .append("): ").append(verdict.note()).append(" | SQL: ").append(oneLine(shape.sql()));
      }
    }
    return out.toString();
  }

  static String summary(SoftDeleteCheck check) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    int dynamic = 0;
    for (Statement statement : check.statements()) {
      counts.merge(statement.outcome(SoftDeleteMode.DEFAULT), 1, Integer::sum);
      if (statement.coverage() != Coverage.EXACT) {
        dynamic++;
      }
    }
    List<String> parts = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      if (counts.containsKey(outcome)) {
        parts.add(counts.get(outcome) + " " + outcome.label());
      }
    }
    String line = (parts.isEmpty() ? "nothing to check" : String.join(", ", parts)) + " in the default mode";
    int refusedElsewhere = 0;
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      if (mode != SoftDeleteMode.DEFAULT) {
        refusedElsewhere += check.refusedIn(mode).size();
      }
    }
    if (refusedElsewhere > 0) {
      line += "; " + refusedElsewhere + " refusals in other modes";
    }
    if (dynamic > 0) {
      line += "; " + dynamic + " dynamic, " + check.partlyChecked().size() + " of them partly checked";
    }
    return line;
  }

  private static String coverage(Statement statement) {
    return switch (statement.coverage()) {
      case EXACT -> "exact";
      case SHAPES -> statement.shapes().size() == 1 ? "1 shape" : statement.shapes().size() + " shapes";
      case PARTLY -> "partly";
      case NONE -> "not at all";
    };
  }

  private static String notes(SoftDeleteCheck check, Statement statement) {
    List<String> notes = new ArrayList<>();
    if (check.isExcepted(statement.id())) {
      notes.add("excepted");
    }
    List<String> modes = new ArrayList<>();
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      if (mode != SoftDeleteMode.DEFAULT && statement.outcome(mode) == Outcome.REFUSED) {
        modes.add(Modes.label(mode));
      }
    }
    if (!modes.isEmpty()) {
      notes.add("refused in " + String.join(", ", modes));
    }
    return String.join("; ", notes);
  }

  static String oneLine(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }
}
