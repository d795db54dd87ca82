/**
 * Purge and archive of soft-deleted rows on plain JDBC: resolving tables from metadata, the batch
 * transactions, the command line and its progress display. Internal; the API is
 * {@link io.github.softdelete.mybatis.Purge}.
 */
package io.github.softdelete.mybatis.internal.purge;
