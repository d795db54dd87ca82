package io.github.softdelete.mybatis.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.catalog.SoftTableCatalog;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.ibatis.executor.Executor;

/** One {@link DatabaseRewriter}, with its caches, per distinct set of soft tables (in practice per database). */
public final class DatabaseRewriters {
  private final SoftDeleteConfig config;
  private final SoftTableCatalog catalog;
  private final SoftDeleteMarker marker;
  // weak keys: compared by identity, which is how the catalog hands out one SoftTables per database
  private final Cache<SoftTables, DatabaseRewriter> byTables = Caffeine.newBuilder().weakKeys().build();

  public DatabaseRewriters(SoftDeleteConfig config) {
    this.config = config;
    this.catalog = new SoftTableCatalog(config);
    this.marker = SoftDeleteMarker.of(config.column(), config.liveValue(), config.deletedValue());
  }

  /**
   * The rewriter for the executor's database, or {@code null} when it has no soft table and every statement
   * runs as MyBatis built it.
   */
  public DatabaseRewriter forExecutor(Executor executor) throws SQLException {
    // the catalog answers configured tables without a connection: then a query that a cache answers opens none
    Connection connection = config.detectTables() ? executor.getTransaction().getConnection() : null;
    SoftTables tables = catalog.tablesFor(connection);
    if (tables.isEmpty()) {
      return null;
    }
    return byTables.get(tables, t -> new DatabaseRewriter(
        new SqlCache(new SqlRewriter(t, marker), config.cacheSize(), config.warnOnUnparseableSelect()),
        config.cacheSize()));
  }
}
