/** Which tables are soft-deletable: configured by name, or detected from JDBC metadata. Internal. */
package io.github.softdelete.mybatis.catalog;
