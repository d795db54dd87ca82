package io.github.softdelete.compat.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.softdelete.compat.spring.app.AccountMapper;
import io.github.softdelete.compat.spring.app.AsyncUserService;
import io.github.softdelete.compat.spring.app.UserMapper;
import io.github.softdelete.mybatis.DeletedBySupplier;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteCheck;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.spring.SoftDeleteAutoConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mybatis.spring.annotation.MapperScan;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real Spring Boot application on H2 with mybatis-spring-boot-starter: the interceptor comes from the
 * auto-configuration in the packaged jar, configured by {@code softdelete.*} properties.
 */
class SpringBootAutoConfigurationIT {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @MapperScan(basePackageClasses = UserMapper.class)
  static class Application {}

  @Configuration
  static class OwnInterceptor {
    static final SoftDeleteInterceptor INSTANCE = new SoftDeleteInterceptor(SoftDeleteConfig.defaults());

    @Bean
    SoftDeleteInterceptor mySoftDeleteInterceptor() {
      return INSTANCE;
    }
  }

  @Configuration
  static class CurrentUser {
    @Bean
    DeletedBySupplier currentUser() {
      return () -> "principal-from-spring";
    }
  }

  @Configuration
  @EnableAsync
  static class AsyncNames {
    @Bean
    AsyncUserService asyncUserService(UserMapper users) {
      return new AsyncUserService(users);
    }
  }

  @Configuration
  static class OwnTaskDecorator {
    @Bean
    TaskDecorator myTaskDecorator() {
      return task -> task;
    }
  }

  private ConfigurableApplicationContext context;

  @AfterEach
  void tearDown() {
    if (context != null) {
      context.close();
    }
  }

  private ConfigurableApplicationContext run(String... properties) {
    return run(new Class<?>[] {Application.class}, properties);
  }

  private ConfigurableApplicationContext run(Class<?>[] sources, String... properties) {
    List<String> all = new ArrayList<>(List.of(
        "spring.datasource.url=jdbc:h2:mem:boot" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
        "spring.sql.init.mode=always",
        "spring.sql.init.schema-locations=classpath:io/github/softdelete/compat/spring/schema.sql",
        "spring.main.banner-mode=off"));
    Collections.addAll(all, properties);
    context = new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
        .properties(all.toArray(String[]::new)).run();
    return context;
  }

  private long count(String sql) {
    return new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(sql, Long.class);
  }

  @Test
  void shouldAddTheInterceptorBeanToTheSqlSessionFactoryOnce() {
    run();

    SoftDeleteInterceptor bean = context.getBean(SoftDeleteInterceptor.class);
    assertThat(context.getBean(SqlSessionFactory.class).getConfiguration().getInterceptors())
        .containsExactly(bean);
  }

  private List<List<String>> asyncNamesInEachMode() throws Exception {
    AsyncUserService async = context.getBean(AsyncUserService.class);
    List<List<String>> seen = new ArrayList<>();
    seen.add(IncludeDeleted.get(async::names).get(10, TimeUnit.SECONDS));
    seen.add(OnlyDeleted.get(async::names).get(10, TimeUnit.SECONDS));
    seen.add(async.names().get(10, TimeUnit.SECONDS));
    return seen;
  }

  @Test
  void shouldRunAnAsyncMethodInTheScopeOfItsCaller() throws Exception {
    run(new Class<?>[] {Application.class, AsyncNames.class});

    assertThat(asyncNamesInEachMode()).containsExactly(List.of("ann", "bob", "cid", "dee", "eve"),
        List.of("dee"), List.of("ann", "bob", "cid", "eve"));
  }

  @Test
  void shouldLeaveAsyncMethodsInTheDefaultModeWhenPropagationIsOffOrTheApplicationDecoratesItself()
      throws Exception {
    List<List<String>> live = List.of(List.of("ann", "bob", "cid", "eve"), List.of("ann", "bob", "cid", "eve"),
        List.of("ann", "bob", "cid", "eve"));

    run(new Class<?>[] {Application.class, AsyncNames.class}, "softdelete.propagate-scopes=false");
    assertThat(context.getBeanNamesForType(TaskDecorator.class)).isEmpty();
    assertThat(asyncNamesInEachMode()).isEqualTo(live);
    context.close();

    run(new Class<?>[] {Application.class, AsyncNames.class, OwnTaskDecorator.class});
    assertThat(context.getBeanNamesForType(TaskDecorator.class)).containsExactly("myTaskDecorator");
    assertThat(asyncNamesInEachMode()).isEqualTo(live);
  }

  @Test
  void shouldSoftDeleteWithDefaultsAndDetectedTables() {
    run();
    UserMapper users = context.getBean(UserMapper.class);

    int marked = users.delete(2);

    assertThat(marked).isEqualTo(1);
    assertThat(users.names()).containsExactly("ann", "cid", "eve");
    assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(5);
    // accounts has no deleted_at column: not a soft table
    assertThat(context.getBean(AccountMapper.class).names()).containsExactly("main", "savings", "closed");
  }

  @Test
  void shouldMapExplicitMarkerOntoItsConfigKey() {
    run("softdelete.explicit-marker=filter");

    assertThat(context.getBean(io.github.softdelete.mybatis.spring.SoftDeleteProperties.class).toConfig()
        .respectExplicitMarkers()).isFalse();
  }

  // once every singleton exists, so every mapper is loaded: the application does not start
  @Test
  void shouldStopTheApplicationsStartWithVerifyOnStartupFailWhileAStatementWouldBeRefused() {
    assertThatThrownBy(() -> run("softdelete.verify-on-startup=fail")).isInstanceOf(SoftDeleteException.class)
        .hasMessageContaining("softdelete: verifyOnStartup=fail: 1 of 5 mapped statements would be refused")
        .hasMessageContaining("io.github.softdelete.compat.spring.app.MaintenanceMapper.truncateUsers (default):"
            + " table 'users': TRUNCATE would erase every row");
  }

  // Spring Boot sets its logging up while it starts, so the warning is read where its console appender writes
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void shouldRunWithVerifyOnStartupWarnAndReportTheSameInSoftDeleteCheck(CapturedOutput output) {
    run("softdelete.verify-on-startup=warn");

    // at start-up, before any statement ran
    assertThat(output.getOut()).containsOnlyOnce("softdelete: verifyOnStartup=warn: 1 of 5 mapped statements would"
        + " be refused:");

    assertThat(context.getBean(UserMapper.class).names()).containsExactly("ann", "bob", "cid", "eve");
    SoftDeleteCheck check = SoftDeleteCheck.of(context.getBean(SqlSessionFactory.class));
    assertThat(check.refused()).extracting(SoftDeleteCheck.Statement::id)
        .containsExactly("io.github.softdelete.compat.spring.app.MaintenanceMapper.truncateUsers");
    check.except("io.github.softdelete.compat.spring.app.MaintenanceMapper.truncateUsers").assertNothingRefused();
  }

  @Test
  void shouldMapKebabCasePropertiesOntoConfigKeys() {
    run("softdelete.column=removed", "softdelete.tables=accounts", "softdelete.live-value=0",
        "softdelete.deleted-value=1", "softdelete.cache-size=50", "softdelete.on-unparseable-select=warn");
    AccountMapper accounts = context.getBean(AccountMapper.class);

    int marked = accounts.delete(1);

    assertThat(marked).isEqualTo(1);
    assertThat(accounts.names()).containsExactly("savings");
    assertThat(count("SELECT removed FROM accounts WHERE id = 1")).isEqualTo(1);
    // users is not listed in softdelete.tables: its DELETE erases
    assertThat(context.getBean(UserMapper.class).delete(2)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(4);
  }

  @Test
  void shouldLogRewritesWhereTheApplicationsMyBatisLogsGo() {
    run("logging.level.io.github.softdelete.mybatis=debug");
    Logger logger = (Logger) LoggerFactory.getLogger("io.github.softdelete.mybatis.internal.StatementLog");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      UserMapper users = context.getBean(UserMapper.class);
      users.names();
      users.names();
    } finally {
      logger.detachAppender(appender);
    }

    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
      assertThat(event.getFormattedMessage()).isEqualTo("softdelete: statement '" + UserMapper.class.getName()
          + ".names' in mode DEFAULT: original SQL: SELECT name FROM users ORDER BY id | rewritten SQL: SELECT"
          + " name FROM users WHERE users.deleted_at IS NULL ORDER BY id");
    });
  }

  @Test
  void shouldStopAtStartUpWithConfigErrorText() {
    Throwable thrown = catchThrowable(() -> run("softdelete.column=deleted at"));

    assertThat(thrown).hasRootCauseInstanceOf(SoftDeleteException.class)
        .hasRootCauseMessage("softdelete: property 'column' has value 'deleted at': not a SQL identifier");
  }

  @Test
  void shouldStopAtStartUpOnUnknownSoftdeleteProperty() {
    Throwable thrown = catchThrowable(() -> run("softdelete.colum=removed"));

    assertThat(thrown).hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class)
        .rootCause().hasMessageContaining("softdelete.colum");
  }

  @Test
  void shouldRegisterNothingWhenDisabled() {
    run("softdelete.enabled=false");

    assertThat(context.getBeansOfType(SoftDeleteInterceptor.class)).isEmpty();
    assertThat(context.getBean(SqlSessionFactory.class).getConfiguration().getInterceptors()).isEmpty();
    assertThat(context.getBean(UserMapper.class).delete(2)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(4);
  }

  @Test
  void shouldLetTheApplicationsOwnInterceptorBeanWin() {
    run(new Class<?>[] {Application.class, OwnInterceptor.class}, "softdelete.column=removed");

    assertThat(context.getBeansOfType(SoftDeleteInterceptor.class).values())
        .containsExactly(OwnInterceptor.INSTANCE);
    assertThat(context.getBean(SqlSessionFactory.class).getConfiguration().getInterceptors())
        .containsExactly(OwnInterceptor.INSTANCE);
  }

  @Test
  void shouldBeListedForBootInThePackagedJar() {
    List<String> candidates = new ArrayList<>();
    ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).forEach(candidates::add);

    assertThat(candidates).contains(SoftDeleteAutoConfiguration.class.getName());
    assertThat(SoftDeleteAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .endsWith("softdelete-mybatis-0.1.0-SNAPSHOT.jar");
  }

  @Test
  void shouldShipPropertyMetadataForIdes() throws IOException {
    String metadata = null;
    for (URL url : Collections.list(getClass().getClassLoader()
        .getResources("META-INF/spring-configuration-metadata.json"))) {
      if (url.getPath().contains("softdelete-mybatis")) {
        try (InputStream in = url.openStream()) {
          metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }

    assertThat(metadata).isNotNull().contains("\"softdelete.enabled\"", "\"softdelete.column\"",
        "\"softdelete.tables\"", "\"softdelete.live-value\"", "\"softdelete.deleted-value\"",
        "\"softdelete.cache-size\"", "\"softdelete.on-unparseable-select\"", "\"softdelete.explicit-marker\"",
        "\"softdelete.verify-on-startup\"");
  }

  @Test
  void shouldWriteWhoDeletedFromADeletedBySupplierBean() {
    run(new Class<?>[] {Application.class, CurrentUser.class}, "softdelete.deleted-by-column=deleted_by");

    int marked = context.getBean(UserMapper.class).delete(2);

    assertThat(marked).isEqualTo(1);
    assertThat(new JdbcTemplate(context.getBean(DataSource.class))
        .queryForObject("SELECT deleted_by FROM users WHERE id = 2", String.class))
        .isEqualTo("principal-from-spring");
  }

  @Test
  void shouldOfferASpringPropertyForEveryConfigKey() throws IOException {
    String metadata = null;
    for (URL url : Collections.list(getClass().getClassLoader()
        .getResources("META-INF/spring-configuration-metadata.json"))) {
      if (url.getPath().contains("softdelete-mybatis")) {
        try (InputStream in = url.openStream()) {
          metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }

    assertThat(metadata).isNotNull();
    for (String key : SoftDeleteConfig.keys()) {
      String kebab = key.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
      assertThat(metadata).as("property for key %s", key).contains("\"softdelete." + kebab + "\"");
    }
  }

  @Test
  void shouldOfferASpringPropertyForEveryPerTableKey() throws IOException, NoSuchMethodException {
    String metadata = null;
    for (URL url : Collections.list(getClass().getClassLoader()
        .getResources("META-INF/spring-configuration-metadata.json"))) {
      if (url.getPath().contains("softdelete-mybatis")) {
        try (InputStream in = url.openStream()) {
          metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }

    assertThat(metadata).isNotNull().contains("\"softdelete.table\"");
    for (String attribute : SoftDeleteConfig.tableKeys()) {
      String setter = "set" + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
      assertThat(io.github.softdelete.mybatis.spring.SoftDeleteProperties.Table.class.getMethod(setter, String.class))
          .as("property for per-table key %s", attribute).isNotNull();
    }
  }

  @Test
  void shouldGiveATableItsOwnMarkerFromPerTableProperties() {
    // users keeps the detected deleted_at; accounts' INT column takes 0 / 1 from its type
    run("softdelete.table.accounts.column=removed");
    AccountMapper accounts = context.getBean(AccountMapper.class);

    int marked = accounts.delete(1);

    assertThat(marked).isEqualTo(1);
    assertThat(accounts.names()).containsExactly("savings");
    assertThat(count("SELECT removed FROM accounts WHERE id = 1")).isEqualTo(1);
    assertThat(context.getBean(UserMapper.class).delete(2)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM users WHERE deleted_at IS NOT NULL")).isEqualTo(2);
  }

  @Test
  void shouldReadEveryPerTablePropertyInKebabCase() {
    run("softdelete.table.accounts.column=removed", "softdelete.table.accounts.live-value=0",
        "softdelete.table.accounts.deleted-value=2", "softdelete.table[app.orders].deleted-by-column=who",
        "softdelete.table[app.orders].delete-reason-column=why");

    assertThat(context.getBean(io.github.softdelete.mybatis.spring.SoftDeleteProperties.class).toConfig())
        .hasToString("column=deleted_at, tables=(detect), liveValue=(by type), deletedValue=(by type),"
            + " cacheSize=10000, onUnparseableSelect=fail, parseTimeoutMillis=5000, mode=enforce,"
            + " table.accounts.column=removed, table.accounts.liveValue=0, table.accounts.deletedValue=2,"
            + " table.app.orders.deletedByColumn=who, table.app.orders.deleteReasonColumn=why");
  }

  @Test
  void shouldStopAtStartUpOnUnknownPerTableProperty() {
    Throwable thrown = catchThrowable(() -> run("softdelete.table.accounts.colour=red"));

    assertThat(thrown).hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class)
        .rootCause().hasMessageContaining("softdelete.table.accounts.colour");
  }

  @Test
  void shouldDefaultToTheSameConfigAsThePlugin() {
    assertThat(new io.github.softdelete.mybatis.spring.SoftDeleteProperties().toConfig())
        .isEqualTo(SoftDeleteConfig.fromPropertiesOnly(new Properties()));
  }
}
