/**
 * The packaged softdelete-mybatis jar beside MyBatis-Plus: the SQL that {@code BaseMapper} generates and that
 * the pagination inner interceptor derives is filtered and converted like hand-written SQL.
 */
package io.github.softdelete.compat.mybatisplus;
