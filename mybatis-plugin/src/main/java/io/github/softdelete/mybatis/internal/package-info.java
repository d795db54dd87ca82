/**
 * MyBatis glue: copying mapped statements and bound SQL, cache keys, the rewrite cache as MyBatis meets it.
 * What is kept between calls is decided by the statement alone (its SQL, its mode); nothing of one call is kept
 * where another thread reads it (a restore's table travels in its {@code RestoreCall}). Internal.
 */
package io.github.softdelete.mybatis.internal;
