/** MyBatis glue: copying mapped statements and bound SQL, cache keys, the rewrite cache. Internal. */
package io.github.softdelete.mybatis.internal;
