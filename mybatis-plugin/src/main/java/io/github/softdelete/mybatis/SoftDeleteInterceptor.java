package io.github.softdelete.mybatis;

import io.github.softdelete.mybatis.engine.MeterSwitch;
import io.github.softdelete.mybatis.internal.Databases;
import io.github.softdelete.mybatis.internal.NestedQueries;
import io.github.softdelete.mybatis.internal.SoftDeleteExecutor;
import java.util.Properties;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.RowBounds;

/**
 * The MyBatis plugin: every mapped statement runs as if the soft-deleted rows of soft tables did not exist,
 * and a DELETE marks rows instead of erasing them.
 *
 * <p>Register it in {@code mybatis-config.xml} ({@code <plugin interceptor="...">} with the keys of
 * {@link SoftDeleteConfig} as {@code <property>} elements) or in code with
 * {@code configuration.addInterceptor(new SoftDeleteInterceptor(config))}. A statement it cannot rewrite with
 * certainty fails with a {@link SoftDeleteException} before anything reaches the database.
 */
@Intercepts({
  @Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
  // PageHelper and others call this one directly, with SQL and a cache key of their own
  @Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class,
          BoundSql.class}),
  // a cursor would otherwise read deleted rows
  @Signature(type = Executor.class, method = "queryCursor",
      args = {MappedStatement.class, Object.class, RowBounds.class}),
  @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
  // nested selects and PageHelper compute their key here before they query
  @Signature(type = Executor.class, method = "createCacheKey",
      args = {MappedStatement.class, Object.class, RowBounds.class, BoundSql.class})
})
public class SoftDeleteInterceptor implements Interceptor {
  private volatile Databases databases;
  private volatile SoftDeleteConfig config;
  // set in code; wins over the deletedBySupplier property
  private volatile DeletedBySupplier deletedBySupplier;
  // outlives a reconfiguration: metrics bound once count every rewriter this interceptor builds
  private final MeterSwitch meters = new MeterSwitch();

  /** Defaults and {@code -Dsoftdelete.*} system properties; MyBatis then calls {@link #setProperties}. */
  public SoftDeleteInterceptor() {
    this(SoftDeleteConfig.fromProperties(new Properties()));
  }

  public SoftDeleteInterceptor(SoftDeleteConfig config) {
    this(config, null);
  }

  /** @param deletedBySupplier who deletes, when no {@link DeletedBy} scope says; wins over the property */
  public SoftDeleteInterceptor(SoftDeleteConfig config, DeletedBySupplier deletedBySupplier) {
    this.deletedBySupplier = deletedBySupplier;
    configure(config);
  }

  /** Sets who deletes, when no {@link DeletedBy} scope says; wins over the {@code deletedBySupplier} property. */
  public void setDeletedBySupplier(DeletedBySupplier deletedBySupplier) {
    this.deletedBySupplier = deletedBySupplier;
  }

  private void configure(SoftDeleteConfig config) {
    this.config = config;
    this.databases = new Databases(config, new CurrentDeletion(
        () -> deletedBySupplier != null ? deletedBySupplier : this.config.deletedBySupplier()), meters);
  }

  /**
   * Checks every mapped statement of {@code configuration} now, as {@code verifyOnStartup} does at its first
   * statement, on a connection of its DataSource; for frameworks that know when every mapper is loaded (Spring
   * Boot's auto-configuration calls it once the application's singletons exist). Nothing with
   * {@code verifyOnStartup=off}, or without a DataSource.
   *
   * @throws SoftDeleteException with {@code verifyOnStartup=fail}, naming each statement that would be refused
   * @throws java.sql.SQLException when the database cannot be read
   */
  public void verify(Configuration configuration) throws java.sql.SQLException {
    databases.verifyNow(configuration);
  }

  /** Where {@link SoftDeleteMetrics} counts this interceptor's statements and caches. */
  MeterSwitch meters() {
    return meters;
  }

  /** The configuration in effect, for {@link SoftDeleteCheck}. */
  SoftDeleteConfig config() {
    return config;
  }

  /**
   * Runs one intercepted {@code Executor} call in the thread's mode. MyBatis does not come here: {@link #plugin}
   * hands it a delegating executor that does the same without reflection; this serves callers that wrap with
   * {@code Plugin.wrap(target, interceptor)} themselves.
   */
  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    return new SoftDeleteExecutor((Executor) invocation.getTarget(), databases).invoke(invocation);
  }

  /**
   * Wraps executors only, in a delegating executor, and filters their nested selects too; statement
   * handlers, parameter handlers and result set handlers pass untouched.
   */
  @Override
  public Object plugin(Object target) {
    if (!(target instanceof Executor executor)) {
      return target;
    }
    NestedQueries.filter(executor, databases);
    return new SoftDeleteExecutor(executor, databases);
  }

  /**
   * Builds the configuration from the plugin's {@code <property>} elements.
   *
   * @throws SoftDeleteException naming the property, for an unknown key or a bad value: at start-up
   */
  @Override
  public void setProperties(Properties properties) {
    configure(SoftDeleteConfig.fromProperties(properties));
  }
}
