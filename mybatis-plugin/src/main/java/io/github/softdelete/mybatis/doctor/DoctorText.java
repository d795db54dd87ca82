package io.github.softdelete.mybatis.doctor;

import io.github.softdelete.mybatis.SchemaDoctor;
import io.github.softdelete.mybatis.SchemaDoctor.Finding;
import io.github.softdelete.mybatis.SchemaDoctor.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The doctor's report as people read it: a summary, then each table's findings, then the cascades to declare. */
public final class DoctorText {
  private static final String NL = System.lineSeparator();

  private DoctorText() {}

  public static String of(SchemaDoctor doctor) {
    StringBuilder out = new StringBuilder("softdelete doctor: ").append(doctor.database()).append(", ")
        .append(doctor.softTables().size()).append(doctor.softTables().size() == 1 ? " soft table" : " soft tables")
        .append(doctor.softTables().isEmpty() ? "" : ": " + String.join(", ", doctor.softTables())).append(NL);
    int problems = doctor.problems().size();
    int notes = doctor.findings().size() - problems;
    out.append("  ").append(problems).append(problems == 1 ? " problem, " : " problems, ").append(notes)
        .append(notes == 1 ? " note" : " notes").append(NL);
    Map<String, List<Finding>> byTable = new LinkedHashMap<>();
    for (Finding finding : doctor.findings()) {
      byTable.computeIfAbsent(Objects.requireNonNullElse(finding.table(), "(configuration)"),
          t -> new java.util.ArrayList<>()).add(finding);
    }
    byTable.forEach((table, findings) -> {
      out.append(NL).append(table).append(NL);
      for (Finding finding : findings) {
        boolean problem = finding.severity() == Severity.PROBLEM;
        out.append("  ").append(problem ? "problem " : "note    ").append(label(finding))
            .append(finding.subject() == null ? "" : " " + finding.subject()).append(": ").append(finding.detail())
            .append(NL).append("          ").append(problem ? "fix: " : "consider: ").append(finding.advice())
            .append(NL);
      }
    });
    if (doctor.cascadeDeclaration() != null) {
      out.append(NL).append("what the schema's ON DELETE CASCADE did, for soft deletes (with the cascades already"
          + " declared):").append(NL).append("  cascade=").append(doctor.cascadeDeclaration()).append(NL)
          .append("  (as an agent option, colons between them: cascade=")
          .append(doctor.cascadeDeclaration().replace(',', ':')).append(")").append(NL);
    }
    return out.toString();
  }

  private static String label(Finding finding) {
    return switch (finding.problem()) {
      case UNIQUE_KEY -> "unique key";
      case FOREIGN_KEY_CASCADE, FOREIGN_KEY_RULE -> "foreign key";
      case MARKER_NOT_INDEXED -> "marker index";
      case MARKER_VALUE -> "marker value";
      case MARKER_COLUMN -> "marker column";
      case CONFIGURATION -> "configuration";
    };
  }
}
