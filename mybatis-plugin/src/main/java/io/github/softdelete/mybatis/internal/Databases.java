package io.github.softdelete.mybatis.internal;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.catalog.Relations;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.catalog.TableColumns;
import io.github.softdelete.mybatis.engine.Caches;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.engine.MeterSwitch;
import io.github.softdelete.mybatis.rewrite.Dialect;
import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;

/**
 * One {@link StatementPlans}, with its caches, per distinct set of soft tables (in practice per database)
 * and database product, which decides how upserts are converted.
 */
public final class Databases {
  private final SoftDeleteConfig config;
  private final EngineFactory engines;
  private final DeletionAudit audit;
  // weak keys: compared by identity, which is how the catalog hands out one SoftTables per database
  private final Cache<SoftTables, Map<Database, StatementPlans>> byTables =
      Caches.upkeepOnCallingThread().weakKeys().build();
  // weak keys: identity, and gone with the DataSource
  private final Cache<DataSource, Target> byDataSource = Caches.upkeepOnCallingThread().weakKeys().build();
  // tables known without a connection: the same for every database (null when none)
  private final SoftTables configured;
  // the answer for the DataSource asked last, so that the usual single-database application
  // finds its plans with one volatile read and no allocation (a weak-keyed lookup allocates its key)
  private volatile LastAnswer last;
  private final PluginOrder pluginOrder = new PluginOrder();
  private final StartupVerification startup;
  private final MeterSwitch meters;

  public Databases(SoftDeleteConfig config) {
    this(config, DeletionAudit.NONE, new MeterSwitch());
  }

  /**
   * @param audit who deletes and why, asked when a marking statement binds its parameters
   * @param meters where each call and the caches are counted, once metrics are bound
   */
  public Databases(SoftDeleteConfig config, DeletionAudit audit, MeterSwitch meters) {
    this.config = config;
    this.meters = meters;
    this.engines = new EngineFactory(config);
    this.audit = audit;
    SoftTables listed = engines.needsConnection() ? null : engines.tablesFor(null);
    this.configured = listed == null || listed.isEmpty() ? null : listed;
    this.startup = new StartupVerification(config.verifyOnStartup());
  }

  /**
   * The plans of the database {@code ms} runs on, or {@code null} when it has no soft table and every
   * statement runs as MyBatis built it.
   */
  public StatementPlans forStatement(Executor executor, MappedStatement ms) throws SQLException {
    pluginOrder.check(ms.getConfiguration());
    if (!engines.needsConnection() && configured == null) {
      return null;
    }
    Environment environment = ms.getConfiguration().getEnvironment();
    DataSource dataSource = environment == null ? null : environment.getDataSource();
    LastAnswer answer = last;
    if (answer != null && dataSource != null && answer.dataSource.get() == dataSource) {
      return verified(ms, answer.plans);
    }
    StatementPlans plans = plansFor(target(() -> executor.getTransaction().getConnection(), dataSource));
    if (dataSource != null) {
      last = new LastAnswer(new WeakReference<>(dataSource), plans);
    }
    return verified(ms, plans);
  }

  /**
   * {@code verifyOnStartup} now, before any statement of {@code configuration} runs, on a connection of its
   * DataSource: for a framework that knows when every mapper is loaded (Spring, once its singletons exist). Without
   * a DataSource, or with {@code verifyOnStartup=off}, nothing: the first statement verifies as usual.
   *
   * @throws io.github.softdelete.mybatis.SoftDeleteException with {@code fail}, naming each refused statement
   */
  public void verifyNow(Configuration configuration) throws SQLException {
    Environment environment = configuration.getEnvironment();
    DataSource dataSource = environment == null ? null : environment.getDataSource();
    if (!startup.enabled() || dataSource == null || !engines.needsConnection() && configured == null) {
      return;
    }
    StatementPlans plans;
    try (Connection connection = dataSource.getConnection()) {
      plans = plansFor(target(() -> connection, dataSource));
    }
    verified(configuration, plans);
  }

  // a database without soft tables has nothing to refuse
  private StatementPlans verified(MappedStatement ms, StatementPlans plans) {
    return verified(ms.getConfiguration(), plans);
  }

  private StatementPlans verified(Configuration configuration, StatementPlans plans) {
    if (plans != null) {
      startup.verify(configuration, plans);
    }
    return plans;
  }

  private StatementPlans plansFor(Target target) {
    if (target.tables().isEmpty()) {
      return null;
    }
    return byTables.get(target.tables(), t -> new ConcurrentHashMap<>())
        .computeIfAbsent(target.database(), database -> new StatementPlans(target.tables(),
            new EngineAnswers(engines.cache(engines.rewriter(target.tables(), database.dialect(), database.columns(),
                database.relations()), StatementLog.INSTANCE, meters), meters),
            config.cacheSize(), audit, !database.relations().isEmpty()));
  }

  /**
   * Finding the database behind a connection takes metadata calls (on PostgreSQL a round trip), too much
   * for every statement: the answer is remembered per DataSource, so a pooled connection is asked once.
   * Configured tables need only the product; without a DataSource to remember it by, it stays unknown.
   */
  private Target target(ConnectionSource connections, DataSource dataSource) throws SQLException {
    Target known = dataSource == null ? null : byDataSource.getIfPresent(dataSource);
    if (known != null) {
      return known;
    }
    Target found;
    if (configured != null && dataSource == null && !engines.detectsRelations()) {
      found = new Target(configured, Database.unknown(engines.declaredRelations()));
    } else {
      Connection connection = connections.connection();
      SoftTables tables = configured != null ? configured : engines.tablesFor(connection);
      found = new Target(tables, databaseOf(engines, connection, tables));
    }
    if (dataSource != null) {
      byDataSource.put(dataSource, found);
    }
    return found;
  }

  /**
   * What the engine needs to know of the connection's database: its product, and the soft tables' columns where
   * upserts or MERGE are converted (a revived row takes the ones the statement does not name afresh, and a MERGE
   * must match on the primary key), and the relations between them ({@code detect} reads its foreign keys). The
   * interceptor and {@code SoftDeleteCheck} both ask here, so that the check describes the engine that runs.
   */
  public static Database databaseOf(EngineFactory engines, Connection connection, SoftTables tables)
      throws SQLException {
    Dialect dialect = Dialect.ofProductName(connection.getMetaData().getDatabaseProductName());
    boolean revives = dialect.revivesDeletedRows() && !tables.isEmpty();
    return new Database(dialect, revives ? TableColumns.read(connection, tables) : TableColumns.NONE,
        engines.relationsFor(connection, tables));
  }

  /** Where the connection to read the database's metadata on comes from: the statement's, or one of the DataSource. */
  @FunctionalInterface
  private interface ConnectionSource {
    Connection connection() throws SQLException;
  }

  /** The soft tables of one database, and what the engine needs to know of the database itself. */
  private record Target(SoftTables tables, Database database) {}

  /**
   * The database product, the soft tables' columns (known where upserts or MERGE are converted) and the relations
   * between them.
   */
  public record Database(Dialect dialect, TableColumns columns, Relations relations) {
    static Database unknown(Relations declared) {
      return new Database(Dialect.UNKNOWN, TableColumns.NONE, declared);
    }
  }

  /** The plans (null: none) of one DataSource, held weakly. */
  private record LastAnswer(WeakReference<DataSource> dataSource, StatementPlans plans) {}
}
