/**
 * Differential fuzzing: random SQL over soft and plain tables, run through MyBatis with the interceptor and
 * compared with the oracle (the same SQL over live views of the soft tables) over plain JDBC.
 */
package io.github.softdelete.mybatis.fuzz;
