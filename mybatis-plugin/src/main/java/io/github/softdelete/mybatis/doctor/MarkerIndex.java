package io.github.softdelete.mybatis.doctor;

import io.github.softdelete.mybatis.SchemaDoctor.Finding;
import io.github.softdelete.mybatis.SchemaDoctor.Problem;
import io.github.softdelete.mybatis.SchemaDoctor.Severity;
import io.github.softdelete.mybatis.rewrite.Dialect;
import java.util.List;
import java.util.Locale;

/**
 * A marker no index covers: every statement filters by it, so a query that lists live rows reads the deleted
 * ones too, which costs once deleted rows are many. A note: the lookups by key are not slowed.
 */
final class MarkerIndex {
  private MarkerIndex() {}

  static void check(Dialect dialect, String table, TableFacts facts, String column, String live,
      List<Finding> findings) {
    String lower = column.toLowerCase(Locale.ROOT);
    boolean covered = facts.indexes().stream().anyMatch(index -> index.has(column)
        || index.filter() != null && index.filter().toLowerCase(Locale.ROOT).contains(lower));
    if (!covered) {
      findings.add(new Finding(Severity.NOTE, Problem.MARKER_NOT_INDEXED, table, column, "no index covers " + column
          + ", which every statement now filters by (" + live + "): a query that lists live rows reads the"
          + " deleted ones too", Strategies.markerIndex(dialect, table, live)));
    }
  }
}
