package io.github.softdelete.mybatis.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.catalog.SoftTableCatalog;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
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
  // weak keys: compared by identity, which is how the catalog hands out one SoftTables per database
  private final Cache<SoftTables, DatabaseRewriter> byTables = Caffeine.newBuilder().weakKeys().build();
  // weak keys: identity, and gone with the DataSource
  private final Cache<DataSource, SoftTables> byDataSource = Caffeine.newBuilder().weakKeys().build();

  public DatabaseRewriters(SoftDeleteConfig config) {
    this.config = config;
    this.catalog = new SoftTableCatalog(config);
    this.marker = SoftDeleteMarker.of(config.column(), config.liveValue(), config.deletedValue());
  }

  /**
   * The rewriter for the database {@code ms} runs on, or {@code null} when it has no soft table and every
   * statement runs as MyBatis built it.
   */
  public DatabaseRewriter forStatement(Executor executor, MappedStatement ms) throws SQLException {
    SoftTables tables = config.detectTables() ? detectedTables(executor, ms) : catalog.tablesFor(null);
    if (tables.isEmpty()) {
      return null;
    }
    return byTables.get(tables, t -> new DatabaseRewriter(
        new SqlCache(new SqlRewriter(t, marker, Duration.ofMillis(config.parseTimeoutMillis())),
            config.cacheSize(), config.warnOnUnparseableSelect()),
        config.cacheSize()));
  }

  /**
   * Finding the database behind a connection takes metadata calls (on PostgreSQL a round trip), too much
   * for every statement: the answer is remembered per DataSource, so a pooled connection is asked once.
   */
  private SoftTables detectedTables(Executor executor, MappedStatement ms) throws SQLException {
    Environment environment = ms.getConfiguration().getEnvironment();
    DataSource dataSource = environment == null ? null : environment.getDataSource();
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
}
