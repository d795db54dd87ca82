package io.github.softdelete.mybatis.it;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * Auto-commit MyBatis sessions for the upsert tests: the interceptor with {@code deleted_by} as the audit
 * column, the soft tables named or detected, one annotated mapper.
 */
final class UpsertSessions implements AutoCloseable {
  /** The table the upsert tests write: a live row 1 (ann), a deleted row 2 (bob, deleted by zed), key 3 free. */
  static final String MEMBERS = "CREATE TABLE members (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
      + " visits INT NOT NULL DEFAULT 0, deleted_at TIMESTAMP NULL, deleted_by VARCHAR(40) NULL)";
  static final String OLD_MARK = "2020-01-01 00:00:00";
  static final String MEMBER_ROWS = "INSERT INTO members VALUES (1, 'ann', 5, NULL, NULL),"
      + " (2, 'bob', 7, '" + OLD_MARK + "', 'zed')";

  private final String driver;
  private final String url;
  private final String user;
  private final List<PooledDataSource> pools = new ArrayList<>();

  UpsertSessions(String driver, String url, String user) {
    this.driver = driver;
    this.url = url;
    this.user = user;
  }

  /** With {@code tables=members}, or without it (detected) when {@code tables} is null. */
  SqlSession open(Class<?> mapper, String tables) {
    Properties properties = new Properties();
    properties.setProperty("deletedByColumn", "deleted_by");
    if (tables != null) {
      properties.setProperty("tables", tables);
    }
    PooledDataSource pool = new PooledDataSource(driver, url, user, "");
    pools.add(pool);
    Configuration configuration = new Configuration(new Environment("it", new JdbcTransactionFactory(), pool));
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
    configuration.addMapper(mapper);
    return new SqlSessionFactoryBuilder().build(configuration).openSession(true);
  }

  @Override
  public void close() {
    pools.forEach(PooledDataSource::forceCloseAll);
  }
}
