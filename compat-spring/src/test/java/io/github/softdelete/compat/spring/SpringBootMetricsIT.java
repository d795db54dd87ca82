package io.github.softdelete.compat.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.compat.spring.app.UserMapper;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.spring.SoftDeleteAutoConfiguration.SoftDeleteMetricsBinding;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Metrics in a Spring Boot application: with Micrometer and a registry, the auto-configuration binds the
 * interceptor to it; with Micrometer hidden from the application's class loader, there is nothing of it.
 */
class SpringBootMetricsIT {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final String NAMES = "io.github.softdelete.compat.spring.app.UserMapper.names";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @MapperScan(basePackageClasses = UserMapper.class)
  static class Application {}

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @MapperScan(basePackageClasses = UserMapper.class)
  static class WithRegistry {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  private ConfigurableApplicationContext context;

  @AfterEach
  void tearDown() {
    if (context != null) {
      context.close();
    }
  }

  private ConfigurableApplicationContext run(Class<?> source, ClassLoader classLoader, String... properties) {
    List<String> all = new ArrayList<>(List.of(
        "spring.datasource.url=jdbc:h2:mem:metrics" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
        "spring.sql.init.mode=always",
        "spring.sql.init.schema-locations=classpath:io/github/softdelete/compat/spring/schema.sql",
        "spring.main.banner-mode=off"));
    Collections.addAll(all, properties);
    SpringApplicationBuilder builder = new SpringApplicationBuilder(source).web(WebApplicationType.NONE)
        .properties(all.toArray(String[]::new));
    if (classLoader != null) {
      builder.resourceLoader(new DefaultResourceLoader(classLoader));
    }
    context = builder.run();
    return context;
  }

  @Test
  void shouldCountTheApplicationsStatementsAndScopesOnItsRegistry() {
    run(WithRegistry.class, null);
    UserMapper users = context.getBean(UserMapper.class);
    MeterRegistry registry = context.getBean(MeterRegistry.class);
    double includeBefore = registry.get("softdelete.scopes").tag("scope", "IncludeDeleted").functionCounter().count();

    users.names();
    users.names();
    IncludeDeleted.get(users::names);

    assertThat(context.getBean(SoftDeleteMetricsBinding.class).bound()).isTrue();
    assertThat(registry.get("softdelete.statements").tag("statement", NAMES).tag("outcome", "rewritten").counter()
        .count()).isEqualTo(2);
    assertThat(registry.get("softdelete.statements").tag("statement", NAMES).tag("outcome", "unchanged").counter()
        .count()).isEqualTo(1);
    assertThat(registry.get("softdelete.scopes").tag("scope", "IncludeDeleted").functionCounter().count()
        - includeBefore).isEqualTo(1);
    assertThat(registry.get("softdelete.cache.misses").counter().count()).isEqualTo(2);
  }

  @Test
  void shouldHaveNothingOfMetricsWithoutMicrometer() {
    run(Application.class, new FilteredClassLoader("io.micrometer.core"));

    assertThat(context.getBeansOfType(SoftDeleteMetricsBinding.class)).isEmpty();
    assertThat(context.getBean(UserMapper.class).names()).containsExactly("ann", "bob", "cid", "eve");
  }

  @Test
  void shouldBindNothingWithoutARegistry() {
    run(Application.class, null);

    assertThat(context.getBean(SoftDeleteMetricsBinding.class).bound()).isFalse();
  }

  @Test
  void shouldLeaveMetricsOffWhenAsked() {
    run(WithRegistry.class, null, "softdelete.metrics=false");

    assertThat(context.getBeansOfType(SoftDeleteMetricsBinding.class)).isEmpty();
    assertThat(context.getBean(MeterRegistry.class).find("softdelete.statements").counters()).isEmpty();
  }
}
