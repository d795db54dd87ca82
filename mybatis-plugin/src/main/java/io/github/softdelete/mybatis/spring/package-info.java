/**
 * Spring Boot auto-configuration: a {@link io.github.softdelete.mybatis.SoftDeleteInterceptor} bean built from
 * {@code softdelete.*} properties, which mybatis-spring-boot-starter adds to every {@code SqlSessionFactory}.
 *
 * <p>Loaded only by Spring Boot, through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}; the Spring
 * dependencies are optional, so plain MyBatis applications never see this package.
 */
package io.github.softdelete.mybatis.spring;
