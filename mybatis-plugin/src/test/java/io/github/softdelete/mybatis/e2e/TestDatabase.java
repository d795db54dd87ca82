package io.github.softdelete.mybatis.e2e;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.jdbc.ScriptRunner;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/** A fresh H2 in-memory database per test, loaded from schema.sql, and MyBatis factories on top of it. */
final class TestDatabase implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String url;
  private final PooledDataSource dataSource;

  private TestDatabase(String url) {
    this.url = url;
    this.dataSource = new PooledDataSource("org.h2.Driver", url, "sa", "");
  }

  static TestDatabase create() {
    return create("io/github/softdelete/mybatis/e2e/schema.sql");
  }

  /** A fresh database loaded from another schema script (a classpath resource). */
  static TestDatabase create(String schemaResource) {
    TestDatabase db = new TestDatabase("jdbc:h2:mem:softdelete" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    db.runScript(schemaResource);
    return db;
  }

  String url() {
    return url;
  }

  /** How many times MyBatis has asked the pool for a connection. */
  long connectionRequests() {
    return dataSource.getPoolState().getRequestCount();
  }

  /** A factory whose plugins are {@code interceptors}, in registration order (the last one is outermost). */
  SqlSessionFactory factory(Interceptor... interceptors) {
    Configuration configuration = new Configuration(new Environment("test", new JdbcTransactionFactory(), dataSource));
    for (Interceptor interceptor : interceptors) {
      configuration.addInterceptor(interceptor);
    }
    configuration.addMapper(UserMapper.class);
    configuration.addMapper(OrderMapper.class);
    configuration.addMapper(CachedUserMapper.class);
    return new SqlSessionFactoryBuilder().build(configuration);
  }

  /** A single number read with plain JDBC, behind MyBatis's back: what is physically in the database. */
  long queryLong(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  void execute(String sql) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void runScript(String resource) {
    try (Connection connection = dataSource.getConnection(); Reader script = Resources.getResourceAsReader(resource)) {
      ScriptRunner runner = new ScriptRunner(connection);
      runner.setLogWriter(null);
      runner.setStopOnError(true);
      runner.runScript(script);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(resource, e);
    }
  }

  @Override
  public void close() {
    execute("SHUTDOWN");
    dataSource.forceCloseAll();
  }
}
