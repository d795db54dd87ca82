package io.github.softdelete.mybatis.engine;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.catalog.Relations;
import io.github.softdelete.mybatis.catalog.SoftTableCatalog;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.catalog.TableColumns;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.sql.Connection;
import java.time.Duration;
import java.util.Properties;

/**
 * From configuration to engine: the one place that turns a {@link SoftDeleteConfig} into the engine that
 * runs (its soft tables and their markers, audit columns, cascades, {@code explicitMarker}, parse time-out,
 * the database's dialect) and the cache of its answers ({@code cacheSize}, {@code onUnparseableSelect},
 * {@code mode}). The interceptor, the agent's {@code explain}, the benchmarks and the tests all build their
 * engine here, so that none of them can describe an engine other than the one that runs. Thread-safe.
 */
public final class EngineFactory {
  private final SoftDeleteConfig config;
  private final SoftTableCatalog catalog;
  // the marker of a table whose own is not known (SoftTables.of): the global keys, audit columns included
  private final SoftDeleteMarker fallbackMarker;
  private final Duration parseTimeout;

  public EngineFactory(SoftDeleteConfig config) {
    this.config = config;
    this.catalog = new SoftTableCatalog(config);
    this.fallbackMarker = SoftDeleteMarker.of(config.column(), config.liveValue(), config.deletedValue())
        .withAuditColumns(config.deletedByColumn(), config.deleteReasonColumn())
        .withUpdates(config.onDeleteSet(), config.onRestoreSet(), config.keepAuditOnRestore());
    this.parseTimeout = Duration.ofMillis(config.parseTimeoutMillis());
  }

  /**
   * The factory of the configuration that {@code keysAndValues} (key, value, key, value...) give, read as the
   * plugin's properties are, system properties included: for tools and tests.
   */
  public static EngineFactory of(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new EngineFactory(SoftDeleteConfig.fromProperties(properties));
  }

  public SoftDeleteConfig config() {
    return config;
  }

  /** Whether the soft tables or their markers need a database's metadata ({@link #tablesFor}). */
  public boolean needsConnection() {
    return catalog.needsConnection();
  }

  /** The soft tables of the connection's database; see {@link SoftTableCatalog#tablesFor}. */
  public SoftTables tablesFor(Connection connection) {
    return catalog.tablesFor(connection);
  }

  /** Whether the relations need a database's foreign keys ({@code cascade=detect}, {@code restrict=detect}). */
  public boolean detectsRelations() {
    return Relations.detects(config);
  }

  /**
   * The relations between {@code tables} on the connection's database; see {@link Relations#of}. Without
   * {@code detect}, the declared ones, and the connection is not touched.
   */
  public Relations relationsFor(Connection connection, SoftTables tables) {
    return Relations.of(config, connection, tables);
  }

  /** The declared relations, for a database whose foreign keys are not read. */
  public Relations declaredRelations() {
    return Relations.declared(config);
  }

  /**
   * The engine for {@code tables} on a database of {@code dialect} whose soft tables have {@code columns}
   * (known where upserts are converted; {@link TableColumns#NONE} otherwise) and are related by {@code relations}
   * ({@link #relationsFor}).
   */
  public SqlRewriter rewriter(SoftTables tables, Dialect dialect, TableColumns columns, Relations relations) {
    return new SqlRewriter(tables, fallbackMarker, relations.cascades(), parseTimeout,
        config.respectExplicitMarkers()).withDialect(dialect).withColumns(columns).withRestricts(relations.restricts());
  }

  /**
   * The engine without a database, for configured tables whose markers the configuration alone decides, as
   * {@code explain} and the benchmarks need it.
   *
   * @throws IllegalStateException saying which option is missing, when that takes a database (detected tables,
   *     markers by type, relations detected from foreign keys)
   */
  public SqlRewriter rewriterWithoutDatabase(Dialect dialect) {
    if (config.detectTables()) {
      throw new IllegalStateException("needs the option tables=... (with no database there is no column '"
          + config.column() + "' to detect soft tables by)");
    }
    if (catalog.needsConnection()) {
      throw new IllegalStateException("needs every marker known without a database: one column per table, and"
          + " liveValue and deletedValue for each table with a column of its own");
    }
    if (detectsRelations()) {
      String keys = config.detectCascades() && config.detectRestricts() ? "cascade=detect and restrict=detect"
          : config.detectCascades() ? "cascade=detect" : "restrict=detect";
      throw new IllegalStateException("needs a database for " + keys + ", which derives relations from the"
          + " database's foreign keys: run it on a database (SoftDeleteCheck.of a configuration with a DataSource,"
          + " doctor --url), or write the relations out (child_table.column->parent_table.column)");
    }
    return rewriter(catalog.tablesFor(null), dialect, TableColumns.NONE, declaredRelations());
  }

  /** The cache of {@code rewriter}'s answers, with the configuration's bound and its policy on what runs. */
  public RewriteCache cache(SqlRewriter rewriter, RewriteCache.Notes notes) {
    return cache(rewriter, notes, Meters.NONE);
  }

  /** The same, counting its hits and misses on {@code meters}. */
  public RewriteCache cache(SqlRewriter rewriter, RewriteCache.Notes notes, Meters meters) {
    return new RewriteCache(rewriter, config.cacheSize(), config.warnOnUnparseableSelect(), config.observe(), notes,
        meters);
  }
}
