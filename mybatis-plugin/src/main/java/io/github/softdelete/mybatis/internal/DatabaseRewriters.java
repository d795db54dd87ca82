package io.github.softdelete.mybatis.internal;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.catalog.SoftTableCatalog;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.lang.ref.WeakReference;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.MappedStatement;

/** One {@link DatabaseRewriter}, with its caches, per distinct set of soft tables (in practice per database). */
public final class DatabaseRewriters {
  private final SoftDeleteConfig config;
  private final SoftTableCatalog catalog;
  private final SoftDeleteMarker marker;
  private final DeletionAudit audit;
  // weak keys: compared by identity, which is how the catalog hands out one SoftTables per database
  private final Cache<SoftTables, DatabaseRewriter> byTables = Caches.upkeepOnCallingThread().weakKeys().build();
  // weak keys: identity, and gone with the DataSource
  private final Cache<DataSource, SoftTables> byDataSource = Caches.upkeepOnCallingThread().weakKeys().build();
  // configured tables: the one rewriter, made once (null when the list is empty)
  private final DatabaseRewriter configured;
  // detected tables: the answer for the DataSource asked last, so that the usual single-database application
  // finds its rewriter with one volatile read and no allocation (a weak-keyed lookup allocates its key)
  private volatile LastAnswer last;
  private final PluginOrder pluginOrder = new PluginOrder();

  public DatabaseRewriters(SoftDeleteConfig config) {
    this(config, DeletionAudit.NONE);
  }

  /** @param audit who deletes and why, asked when a marking statement binds its parameters */
  public DatabaseRewriters(SoftDeleteConfig config, DeletionAudit audit) {
    this.config = config;
    this.catalog = new SoftTableCatalog(config);
    this.marker = SoftDeleteMarker.of(config.column(), config.liveValue(), config.deletedValue())
        .withAuditColumns(config.deletedByColumn(), config.deleteReasonColumn());
    this.audit = audit;
    this.configured = catalog.needsConnection() ? null : rewriterFor(catalog.tablesFor(null));
  }

  /**
   * The rewriter for the database {@code ms} runs on, or {@code null} when it has no soft table and every
   * statement runs as MyBatis built it.
   */
  public DatabaseRewriter forStatement(Executor executor, MappedStatement ms) throws SQLException {
    pluginOrder.check(ms.getConfiguration());
    if (!catalog.needsConnection()) {
      return configured;
    }
    Environment environment = ms.getConfiguration().getEnvironment();
    DataSource dataSource = environment == null ? null : environment.getDataSource();
    LastAnswer answer = last;
    if (answer != null && dataSource != null && answer.dataSource.get() == dataSource) {
      return answer.rewriter;
    }
    DatabaseRewriter rewriter = rewriterFor(detectedTables(executor, dataSource));
    if (dataSource != null) {
      last = new LastAnswer(new WeakReference<>(dataSource), rewriter);
    }
    return rewriter;
  }

  private DatabaseRewriter rewriterFor(SoftTables tables) {
    if (tables.isEmpty()) {
      return null;
    }
    return byTables.get(tables, t -> new DatabaseRewriter(t,
        new SqlCache(new SqlRewriter(t, marker, config.cascades(), Duration.ofMillis(config.parseTimeoutMillis())),
            config.cacheSize(), config.warnOnUnparseableSelect(), config.observe()),
        config.cacheSize(), audit, !config.cascades().isEmpty()));
  }

  /**
   * Finding the database behind a connection takes metadata calls (on PostgreSQL a round trip), too much
   * for every statement: the answer is remembered per DataSource, so a pooled connection is asked once.
   */
  private SoftTables detectedTables(Executor executor, DataSource dataSource) throws SQLException {
    SoftTables known = dataSource == null ? null : byDataSource.getIfPresent(dataSource);
    if (known != null) {
      return known;
    }
    SoftTables found = catalog.tablesFor(executor.getTransaction().getConnection());
    if (dataSource != null) {
      byDataSource.put(dataSource, found);
    }
    return found;
  }

  /** The rewriter (null: none) of one DataSource, held weakly. */
  private record LastAnswer(WeakReference<DataSource> dataSource, DatabaseRewriter rewriter) {}
}
