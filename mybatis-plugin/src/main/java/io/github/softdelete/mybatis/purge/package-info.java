/**
 * Purge and archive of soft-deleted rows on plain JDBC, apart from the MyBatis glue: resolving tables from
 * metadata, the batch transactions, the command line and its progress display. The API is
 * {@link io.github.softdelete.mybatis.Purge}; users meet this package only through the command line
 * {@link io.github.softdelete.mybatis.purge.PurgeCommand}, by its name. {@code Purger}, {@code PurgeSettings}
 * and {@code TableOrder} are public for {@code Purge} alone; everything else is package-private. Internal.
 */
package io.github.softdelete.mybatis.purge;
