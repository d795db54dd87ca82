package io.github.softdelete.mybatis.doctor;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SchemaDoctor;
import io.github.softdelete.mybatis.SchemaDoctor.Finding;
import io.github.softdelete.mybatis.SchemaDoctor.Problem;
import io.github.softdelete.mybatis.SchemaDoctor.Severity;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.catalog.Relations;
import io.github.softdelete.mybatis.catalog.SoftTableCatalog;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import io.github.softdelete.mybatis.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One examination: the soft tables as the interceptor finds them ({@link SoftTableCatalog}), and for each the
 * checks of this package, in the order the report lists them.
 */
public final class Examination {
  private Examination() {}

  public static SchemaDoctor run(Connection connection, SoftDeleteConfig config) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    Dialect dialect = Dialect.ofProductName(product);
    List<Finding> findings = new ArrayList<>();
    SoftTables tables;
    try {
      tables = new SoftTableCatalog(config).tablesFor(connection);
    } catch (SoftDeleteException e) {
      findings.add(new Finding(Severity.PROBLEM, Problem.CONFIGURATION, null, null, e.getMessage(),
          "fix the configuration first: the interceptor stops at the same point"));
      return SchemaDoctor.report(product, List.of(), findings, null);
    }
    Relations relations;
    try {
      relations = Relations.of(config, connection, tables);
    } catch (SoftDeleteException e) {
      findings.add(new Finding(Severity.PROBLEM, Problem.CONFIGURATION, null, null, e.getMessage(),
          "fix the configuration first: the interceptor stops at the same point"));
      return SchemaDoctor.report(product, List.of(), findings, null);
    }
    SoftDeleteMarker fallback = SoftDeleteMarker.of(config.column(), config.liveValue(), config.deletedValue());
    List<String> names = tables.names().stream().sorted().toList();
    Set<String> cascades = new LinkedHashSet<>();
    for (Cascade declared : relations.cascades()) {
      cascades.add(declared.toString());
    }
    int declared = cascades.size();
    Probes probes = new Probes(connection);
    for (String table : names) {
      SoftDeleteMarker marker = Optional.ofNullable(tables.markerOf(null, table)).orElse(fallback);
      Optional<TableFacts> facts = TableFacts.read(connection, table);
      if (facts.isEmpty()) {
        findings.add(new Finding(Severity.PROBLEM, Problem.MARKER_COLUMN, table, null, "the database has no table "
            + table + " (in the connection's schema or any other)", "create it, or take it out of tables"));
        continue;
      }
      String column = SqlText.unquoted(marker.column());
      Optional<TableFacts.Column> markerColumn = facts.get().column(column);
      if (markerColumn.isEmpty()) {
        findings.add(new Finding(Severity.PROBLEM, Problem.MARKER_COLUMN, table, column, "table " + table
            + " has no marker column " + column + ": every statement on it fails", "add the column, or configure"
            + " the one it has (table." + table + ".column)"));
        continue;
      }
      String live = livePredicate(column, marker);
      UniqueKeys.check(dialect, table, facts.get(), column, marker, live, findings);
      ForeignKeys.check(table, facts.get(), tables, relations.cascades(), relations.restricts(), findings, cascades);
      MarkerIndex.check(dialect, table, facts.get(), column, live, findings);
      MarkerValues.check(probes, table, facts.get(), markerColumn.get(), marker, findings);
    }
    return SchemaDoctor.report(product, names, findings, cascades.size() > declared ? String.join(",", cascades)
        : null);
  }

  static String livePredicate(String column, SoftDeleteMarker marker) {
    return "NULL".equalsIgnoreCase(marker.liveValueSql()) ? column + " IS NULL" : column + " = " + marker.liveValueSql();
  }
}
