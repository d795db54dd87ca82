/**
 * The Java agent: its entry class, its command line, and what it needs before MyBatis is there (options, the
 * hook into {@code InterceptorChain}, the class loader for the classes that need MyBatis). Only JDK types and
 * (relocated) Byte Buddy here; everything that touches MyBatis lives in {@code inner} and is loaded beside
 * the application's MyBatis.
 */
package io.github.softdelete.agent;
