/**
 * The SQL rewrite engine: pure functions from (SQL text, mode, soft tables) to SQL text. No MyBatis types
 * here, so every rule is testable with plain strings. Internal.
 */
package io.github.softdelete.mybatis.rewrite;
