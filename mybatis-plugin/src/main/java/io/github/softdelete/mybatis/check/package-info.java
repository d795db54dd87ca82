/**
 * {@code SoftDeleteCheck} and the agent's {@code check}: every mapped statement of a MyBatis configuration put to
 * the engine the interceptor builds, in every mode, before any of them runs; dynamic SQL rendered for the shapes
 * that need no parameter object of the application's; mapper XML read without the application's classes; the
 * report as a table and as JSON. Internal.
 */
package io.github.softdelete.mybatis.check;
