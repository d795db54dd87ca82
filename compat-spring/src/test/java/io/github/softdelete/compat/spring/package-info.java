/**
 * The packaged softdelete-mybatis jar in Spring applications: mybatis-spring with Spring transactions, and
 * Spring Boot with the auto-configuration.
 *
 * <p>compat-spring-boot2 compiles and runs these tests again on Spring Boot 2.7 (Spring 5.3): use only API
 * that both Boots have.
 */
package io.github.softdelete.compat.spring;
