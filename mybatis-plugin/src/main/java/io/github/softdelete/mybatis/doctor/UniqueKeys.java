package io.github.softdelete.mybatis.doctor;

import io.github.softdelete.mybatis.SchemaDoctor.Finding;
import io.github.softdelete.mybatis.SchemaDoctor.Problem;
import io.github.softdelete.mybatis.SchemaDoctor.Severity;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Unique keys with soft deletes: a deleted row keeps its values, so a key without the marker stays taken; a key
 * with a NULL live marker no longer holds for live rows (NULLs never collide); a key with a flag that every
 * deleted row shares collides at the second delete. A partial index over live rows, a generated live column and
 * a deletion token are the ways that work (docs/unique-keys.md).
 */
final class UniqueKeys {
  private static final Pattern CONSTANT = Pattern.compile("(?i)-?\\d+(\\.\\d+)?|'[^']*'|true|false");

  private UniqueKeys() {}

  static void check(Dialect dialect, String table, TableFacts facts, String column, SoftDeleteMarker marker,
      String live, List<Finding> findings) {
    for (TableFacts.Index index : facts.indexes()) {
      if (!index.unique() || samePrimaryKey(index.columns(), facts.primaryKey())) {
        continue;
      }
      if (index.filter() != null && index.filter().toLowerCase(Locale.ROOT).contains(column.toLowerCase(Locale.ROOT))) {
        continue;
      }
      // a generated column in the key: the live column of docs/unique-keys.md
      if (index.columns().stream().anyMatch(c -> facts.column(c).map(TableFacts.Column::generated).orElse(false))) {
        continue;
      }
      List<String> keys = index.columns().stream().filter(c -> !c.equalsIgnoreCase(column)).toList();
      String key = "(" + String.join(", ", index.columns()) + ")";
      String advice = Strategies.uniqueKey(dialect, table, index.name(), keys, live);
      if (!index.has(column)) {
        findings.add(new Finding(Severity.PROBLEM, Problem.UNIQUE_KEY, table, index.name(), "unique key " + key
            + " is held by deleted rows too: inserting a deleted row's key again fails until that row is purged",
            advice));
      } else if ("NULL".equalsIgnoreCase(marker.liveValueSql())) {
        findings.add(new Finding(Severity.PROBLEM, Problem.UNIQUE_KEY, table, index.name(), "unique key " + key
            + " does not hold for live rows: their " + column + " is NULL, and NULLs never collide, so two live rows"
            + " may share " + String.join(", ", keys), advice));
      } else if (CONSTANT.matcher(marker.deletedValueSql().strip()).matches()) {
        findings.add(new Finding(Severity.PROBLEM, Problem.UNIQUE_KEY, table, index.name(), "unique key " + key
            + " makes deleted rows collide: each has " + column + " = " + marker.deletedValueSql() + ", so deleting"
            + " a second row with the same " + String.join(", ", keys) + " fails", advice));
      }
    }
  }

  private static boolean samePrimaryKey(List<String> columns, List<String> primaryKey) {
    if (columns.size() != primaryKey.size()) {
      return false;
    }
    for (String column : columns) {
      if (primaryKey.stream().noneMatch(column::equalsIgnoreCase)) {
        return false;
      }
    }
    return true;
  }
}
