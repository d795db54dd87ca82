/**
 * compat-spring's tests (compiled in from that module) on Spring Boot 2.7 with mybatis-spring-boot-starter
 * 2.3, mybatis-spring 2.1 and Spring 5.3; this package checks that those are the versions that ran.
 */
package io.github.softdelete.compat.springboot2;
