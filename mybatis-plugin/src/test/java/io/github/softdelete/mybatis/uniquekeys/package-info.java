/** Unique keys under soft deletes: the strategies that work, end to end through MyBatis, per database. */
package io.github.softdelete.mybatis.uniquekeys;
