package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.Test;

/** Detecting soft tables reads connection metadata; that must happen once per DataSource, not per statement. */
class DetectionCostTest {

  @Test
  void shouldReadConnectionMetadataOncePerDataSourceWhenDetectingTables() {
    try (TestDatabase db = TestDatabase.create()) {
      // given a DataSource that counts every metadata request of its connections
      AtomicInteger metadataCalls = new AtomicInteger();
      DataSource counting = countingMetadata(new PooledDataSource("org.h2.Driver", db.url(), "sa", ""), metadataCalls);
      SqlSessionFactory factory = factory(counting, new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(new Properties())));

      // when the first statement triggers detection (dee is deleted)
      assertThat(namesIn(factory)).containsExactly("ann", "bob", "cid", "eve");
      int afterDetection = metadataCalls.get();

      // then later statements, in new sessions, ask no more
      for (int i = 0; i < 5; i++) {
        assertThat(namesIn(factory)).containsExactly("ann", "bob", "cid", "eve");
      }
      assertThat(afterDetection).isPositive();
      assertThat(metadataCalls.get()).isEqualTo(afterDetection);
    }
  }

  private static java.util.List<String> namesIn(SqlSessionFactory factory) {
    try (SqlSession session = factory.openSession()) {
      return session.getMapper(UserMapper.class).names();
    }
  }

  private static SqlSessionFactory factory(DataSource dataSource, SoftDeleteInterceptor interceptor) {
    Configuration configuration = new Configuration(new Environment("test", new JdbcTransactionFactory(), dataSource));
    configuration.addInterceptor(interceptor);
    configuration.addMapper(UserMapper.class);
    return new SqlSessionFactoryBuilder().build(configuration);
  }

  private static DataSource countingMetadata(DataSource real, AtomicInteger calls) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(method, real, args);
          return result instanceof Connection connection ? countingConnection(connection, calls) : result;
        });
  }

  private static Connection countingConnection(Connection real, AtomicInteger calls) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getMetaData")) {
            calls.incrementAndGet();
          }
          return invoke(method, real, args);
        });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
