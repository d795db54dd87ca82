package io.github.softdelete.benchmarks;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import com.baomidou.mybatisplus.core.MybatisSqlSessionFactoryBuilder;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * What runs a storm of new SQL texts, each with fresh caches: {@link #factory} builds a new factory (and so new
 * caches) per call. The floor runs the statements with the filter written by hand; the others run them as
 * written and add the filter themselves.
 */
public enum StormEngine {
  /** Plain MyBatis, the filter written by hand. */
  FLOOR,
  /** Our interceptor, the soft tables configured (a fresh interceptor spends nothing on detection). */
  SOFTDELETE,
  /** MyBatis-Plus's runtime rewrite ({@link Variant#mybatisPlusRuntimeRewrite()}), no parse cache. */
  MP_REWRITE,
  /** The same with a new, empty parse cache for each factory. */
  MP_REWRITE_CACHED;

  boolean handFiltered() {
    return this == FLOOR;
  }

  SqlSessionFactory factory(DataSource dataSource, Class<?> mapper) {
    boolean mybatisPlus = this == MP_REWRITE || this == MP_REWRITE_CACHED;
    Configuration configuration = mybatisPlus ? new MybatisConfiguration() : new Configuration();
    configuration.setEnvironment(new Environment("bench", new JdbcTransactionFactory(), dataSource));
    configuration.setMapUnderscoreToCamelCase(true);
    if (this == SOFTDELETE) {
      SoftDeleteInterceptor interceptor = new SoftDeleteInterceptor();
      Properties properties = new Properties();
      properties.setProperty("tables", "users:orders");
      interceptor.setProperties(properties);
      configuration.addInterceptor(interceptor);
    }
    if (mybatisPlus) {
      Variant.mybatisPlusParseCache(this == MP_REWRITE_CACHED);
      configuration.addInterceptor(Variant.mybatisPlusRuntimeRewrite());
    }
    configuration.addMapper(mapper);
    return mybatisPlus ? new MybatisSqlSessionFactoryBuilder().build(configuration)
        : new SqlSessionFactoryBuilder().build(configuration);
  }
}
