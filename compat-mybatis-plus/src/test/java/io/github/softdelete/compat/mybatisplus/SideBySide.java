package io.github.softdelete.compat.mybatisplus;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import com.baomidou.mybatisplus.core.MybatisSqlSessionFactoryBuilder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/** What the side-by-side tests share: MyBatis-Plus's and softdelete's interceptors in a chosen order, and JDBC. */
final class SideBySide {
  private SideBySide() {}

  enum Registration { MYBATIS_PLUS_FIRST, MYBATIS_PLUS_LAST }

  static SqlSessionFactory factory(DataSource dataSource, Registration registration, Interceptor mybatisPlus,
      Interceptor softDelete, Class<?> mapper) {
    MybatisConfiguration configuration = new MybatisConfiguration();
    configuration.setEnvironment(new Environment("compat", new JdbcTransactionFactory(), dataSource));
    // the interceptor added last is outermost
    configuration.addInterceptor(registration == Registration.MYBATIS_PLUS_FIRST ? mybatisPlus : softDelete);
    configuration.addInterceptor(registration == Registration.MYBATIS_PLUS_FIRST ? softDelete : mybatisPlus);
    configuration.addMapper(mapper);
    return new MybatisSqlSessionFactoryBuilder().build(configuration);
  }

  static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static long count(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
