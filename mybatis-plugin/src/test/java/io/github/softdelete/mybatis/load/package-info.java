/** Load and concurrency: many threads on a real connection pool, every result right for its mode. */
package io.github.softdelete.mybatis.load;
