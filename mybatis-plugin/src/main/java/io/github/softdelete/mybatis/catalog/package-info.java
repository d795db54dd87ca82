/**
 * Which tables are soft-deletable, configured by name or detected from JDBC metadata, and the marker of each
 * (its own settings, or its column's type where they leave the values open). Internal.
 */
package io.github.softdelete.mybatis.catalog;
