/**
 * The packaged softdelete-mybatis jar in Spring applications: mybatis-spring with Spring transactions, and
 * Spring Boot with the auto-configuration.
 */
package io.github.softdelete.compat.spring;
