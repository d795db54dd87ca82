/**
 * What several layers need of SQL text and JDBC, in one home each: quoted identifiers, scanning outside
 * quotes, the connection's current schema. Used by the configuration, the catalog, the engine and the purge;
 * no MyBatis types. Internal.
 */
package io.github.softdelete.mybatis.sql;
