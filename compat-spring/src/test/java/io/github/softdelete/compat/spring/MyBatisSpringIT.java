package io.github.softdelete.compat.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.compat.spring.app.UserMapper;
import io.github.softdelete.compat.spring.app.UserService;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.SqlSessionFactoryBean;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * mybatis-spring without Boot: the interceptor given to {@code SqlSessionFactoryBean}, mappers from
 * {@code @MapperScan}, Spring-managed transactions around soft deletes and scopes.
 */
class MyBatisSpringIT {
  @Configuration
  @MapperScan(basePackageClasses = UserMapper.class)
  @EnableTransactionManagement
  static class Application {
    @Bean
    DataSource dataSource() {
      return new EmbeddedDatabaseBuilder().generateUniqueName(true).setType(EmbeddedDatabaseType.H2)
          .addScript("io/github/softdelete/compat/spring/schema.sql").build();
    }

    @Bean
    SqlSessionFactoryBean sqlSessionFactory(DataSource dataSource) {
      Properties properties = new Properties();
      properties.setProperty("tables", "users");
      SqlSessionFactoryBean factory = new SqlSessionFactoryBean();
      factory.setDataSource(dataSource);
      factory.setPlugins(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
      return factory;
    }

    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    UserService userService(UserMapper users) {
      return new UserService(users);
    }
  }

  private AnnotationConfigApplicationContext context;
  private UserService service;
  private JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    context = new AnnotationConfigApplicationContext(Application.class);
    service = context.getBean(UserService.class);
    jdbc = new JdbcTemplate(context.getBean(DataSource.class));
  }

  @AfterEach
  void tearDown() {
    context.close();
  }

  @Test
  void shouldPutTheInterceptorIntoTheFactoryOnce() {
    List<Interceptor> interceptors =
        context.getBean(SqlSessionFactory.class).getConfiguration().getInterceptors();

    assertThat(interceptors).hasSize(1).first().isInstanceOf(SoftDeleteInterceptor.class);
  }

  @Test
  void shouldHideDeletedRowsFromScannedMapper() {
    assertThat(context.getBean(UserMapper.class).names()).containsExactly("ann", "bob", "cid", "eve");
  }

  @Test
  void shouldMarkRowWhenTransactionCommits() {
    int marked = service.delete(2);

    assertThat(marked).isEqualTo(1);
    assertThat(service.names()).containsExactly("ann", "cid", "eve");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE id = 2 AND deleted_at IS NOT NULL",
        Integer.class)).isEqualTo(1);
  }

  @Test
  void shouldLeaveRowLiveWhenSoftDeleteIsRolledBack() {
    assertThatThrownBy(() -> service.deleteThenFail(2)).isInstanceOf(IllegalStateException.class)
        .hasMessage("failed after deleting user 2");

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE id = 2 AND deleted_at IS NULL",
        Integer.class)).isEqualTo(1);
    assertThat(service.names()).containsExactly("ann", "bob", "cid", "eve");
  }

  @Test
  void shouldKeepModesApartInsideOneTransaction() {
    List<List<String>> names = service.namesAroundIncludeDeleted();

    // one SqlSession for the whole transaction: its local cache must not hand one mode's rows to another
    assertThat(names.get(0)).containsExactly("ann", "bob", "cid", "eve");
    assertThat(names.get(1)).containsExactly("ann", "bob", "cid", "dee", "eve");
    assertThat(names.get(2)).containsExactly("ann", "bob", "cid", "eve");
  }

  @Test
  void shouldCarryScopeIntoTransactionalMethod() {
    List<String> names = IncludeDeleted.get(service::names);

    assertThat(names).containsExactly("ann", "bob", "cid", "dee", "eve");
    assertThat(service.names()).containsExactly("ann", "bob", "cid", "eve");
  }

  @Test
  void shouldEraseRowWithHardDeleteInsideTransaction() {
    int erased = service.purge(4);

    assertThat(erased).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class)).isEqualTo(4);
  }
}
