package io.github.softdelete.mybatis.spring;

import io.github.softdelete.mybatis.DeletedBySupplier;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.SoftDeleteScope;
import java.sql.SQLException;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.SqlSessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;

/**
 * Registers a {@link SoftDeleteInterceptor} bean configured from {@code softdelete.*} properties.
 * mybatis-spring-boot-starter hands every {@code Interceptor} bean to each {@code SqlSessionFactory} it builds.
 *
 * <p>Off with {@code softdelete.enabled=false}; an application's own {@code SoftDeleteInterceptor} bean takes
 * its place. A {@link TaskDecorator} bean carries the submitter's scopes into the tasks of Spring's executors
 * ({@code @Async}), unless the application defines its own or sets {@code softdelete.propagate-scopes=false}.
 */
// before MyBatis's own auto-configuration, so that the bean is defined when the SqlSessionFactory asks for it
@AutoConfiguration(beforeName = "org.mybatis.spring.boot.autoconfigure.MybatisAutoConfiguration")
@ConditionalOnClass(Interceptor.class)
@ConditionalOnProperty(prefix = "softdelete", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SoftDeleteProperties.class)
public class SoftDeleteAutoConfiguration {
  /**
   * The interceptor, unless the application defines one.
   *
   * @throws io.github.softdelete.mybatis.SoftDeleteException naming the property, for a bad value: at start-up
   */
  @Bean
  @ConditionalOnMissingBean
  public SoftDeleteInterceptor softDeleteInterceptor(SoftDeleteProperties properties,
      ObjectProvider<DeletedBySupplier> deletedBySupplier) {
    SoftDeleteInterceptor interceptor = new SoftDeleteInterceptor(properties.toConfig());
    // a bean (say, reading Spring Security's principal) wins over the class named in deleted-by-supplier
    deletedBySupplier.ifAvailable(interceptor::setDeletedBySupplier);
    return interceptor;
  }

  /**
   * {@code softdelete.verify-on-startup}: once every singleton exists (so every mapper is loaded), the
   * interceptor checks the statements of each {@code SqlSessionFactory} it is registered in, so that {@code fail}
   * stops the application's start rather than its first statement. Nothing with {@code off}.
   */
  @Bean
  public SmartInitializingSingleton softDeleteStartupVerification(ObjectProvider<SqlSessionFactory> factories) {
    // the interceptors each factory holds, however many the application defines
    return () -> factories.orderedStream().forEach(factory -> factory.getConfiguration().getInterceptors().stream()
        .filter(SoftDeleteInterceptor.class::isInstance)
        .forEach(interceptor -> verify((SoftDeleteInterceptor) interceptor, factory)));
  }

  private static void verify(SoftDeleteInterceptor interceptor, SqlSessionFactory factory) {
    try {
      interceptor.verify(factory.getConfiguration());
    } catch (SQLException e) {
      throw new SoftDeleteException("softdelete: verify-on-startup could not read the database: " + e.getMessage(),
          e);
    }
  }

  /**
   * Counts the interceptor's statements, rewrite cache and scopes on the application's {@code MeterRegistry}
   * ({@link io.github.softdelete.mybatis.SoftDeleteMetrics}), where Micrometer is on the class path; without it,
   * this class is never loaded.
   */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  @ConditionalOnProperty(prefix = "softdelete", name = "metrics", havingValue = "true", matchIfMissing = true)
  static class Metrics {
    /**
     * Binds every interceptor bean to the registry, when there is one; the bean itself only says whether it was
     * done.
     */
    @Bean
    SoftDeleteMetricsBinding softDeleteMetrics(ObjectProvider<SoftDeleteInterceptor> interceptors,
        ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registries) {
      io.micrometer.core.instrument.MeterRegistry registry = registries.getIfAvailable();
      if (registry == null) {
        return new SoftDeleteMetricsBinding(false);
      }
      interceptors.orderedStream()
          .forEach(interceptor -> io.github.softdelete.mybatis.SoftDeleteMetrics.bind(interceptor, registry));
      return new SoftDeleteMetricsBinding(true);
    }
  }

  /** Whether the interceptor's counts went to a registry, for applications and tests to see. */
  public record SoftDeleteMetricsBinding(boolean bound) {}

  /**
   * Runs each task of Spring's task executors in the scopes of the thread that submitted it; Spring Boot hands a
   * unique TaskDecorator bean to the executor it configures, which applies it on the submitting thread.
   */
  @Bean
  @ConditionalOnMissingBean(TaskDecorator.class)
  @ConditionalOnProperty(prefix = "softdelete", name = "propagate-scopes", havingValue = "true",
      matchIfMissing = true)
  public TaskDecorator softDeleteScopeTaskDecorator() {
    return task -> SoftDeleteScope.current().wrap(task);
  }
}
