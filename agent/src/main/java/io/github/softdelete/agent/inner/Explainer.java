package io.github.softdelete.agent.inner;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTableCatalog;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BiFunction;

/** {@code explain}: one line per mode, the SQL that would run in it or why it would be refused. */
public final class Explainer implements BiFunction<Properties, String, String> {
  @Override
  public String apply(Properties options, String sql) {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(options);
    if (config.detectTables()) {
      throw new IllegalArgumentException("explain needs the option tables=... (with no database there is no "
          + "column '" + config.column() + "' to detect soft tables by)");
    }
    SoftTableCatalog catalog = new SoftTableCatalog(config);
    if (catalog.needsConnection()) {
      throw new IllegalArgumentException("explain needs every marker known without a database: one column per"
          + " table, and liveValue and deletedValue for each table with a column of its own");
    }
    SqlRewriter rewriter = new SqlRewriter(catalog.tablesFor(null),
        SoftDeleteMarker.of(config.column(), config.liveValue(), config.deletedValue()), List.of(),
        SqlRewriter.DEFAULT_PARSE_TIMEOUT, config.respectExplicitMarkers());
    StringBuilder out = new StringBuilder();
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      String label = mode.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":";
      out.append(String.format("%-16s %s%n", label, runs(rewriter, sql, mode)));
    }
    return out.toString();
  }

  private static String runs(SqlRewriter rewriter, String sql, SoftDeleteMode mode) {
    try {
      RewriteResult result = rewriter.rewrite(sql, mode);
      String left = result.leftAsWrittenNote();
      if (left != null) {
        return (result.changed() ? result.sql() : sql) + "   (" + left + ")";
      }
      return result.changed() ? result.sql() : sql + "   (unchanged)";
    } catch (RewriteRefusedException e) {
      return "refused: " + e.getMessage();
    }
  }
}
