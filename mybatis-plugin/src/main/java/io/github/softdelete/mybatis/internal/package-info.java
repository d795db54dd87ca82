/**
 * MyBatis glue: the executor MyBatis is handed, the plan of each mapped statement, copies of mapped statements
 * and bound SQL, cache keys. Internal.
 *
 * <p>One road for every statement: {@link io.github.softdelete.mybatis.internal.SoftDeleteExecutor} finds the
 * {@link io.github.softdelete.mybatis.internal.StatementPlans} of the statement's database, which finds the
 * statement's {@code KnownStatement} and, for the thread's mode and scope of tables, its {@code StatementPlan}:
 * the engine's answer for static SQL and the statement copy an update or a cursor runs. Queries, cursors,
 * updates, cache keys and nested selects all read that plan; only SQL a call alone knows (dynamic SQL, or SQL a
 * plugin before this one changed) goes to the engine's cache of answers, once per call.
 *
 * <p>What is kept, and for how long:
 * <ul>
 *   <li>per DataSource ({@code Databases}, weak keys, and the last one asked): its soft tables and database
 *   product, found once on a connection;</li>
 *   <li>per set of soft tables and product ({@code StatementPlans}): the engine and its cache of answers by SQL
 *   text, mode and scope of tables (bounded by {@code cacheSize});</li>
 *   <li>per statement id within it ({@code KnownStatement}, a map emptied should it pass {@code cacheSize}): the
 *   statement, its SQL source and mappings held weakly, so that a statement of a new Configuration with the
 *   same id replaces it; per mode, and per scope of tables met (at most 64), a plan;</li>
 *   <li>per plan: the copy a statement runs, held softly (it holds its Configuration, which the agent's
 *   interceptor must not keep alive), and the same copy while anything uses it, as a batch does.</li>
 * </ul>
 * Nothing of one call is kept where another thread reads it: a restore's table travels in its
 * {@code RestoreCall}, and SQL built to find a dynamic update's cascades is handed to its SQL source on the
 * calling thread only.
 */
package io.github.softdelete.mybatis.internal;
