package io.github.softdelete.mybatis;

/** Progress of a {@link Purge}; every method does nothing unless overridden. */
public interface PurgeListener {
  /** A table is about to be purged; {@code rows} were deleted before the cut-off when it was counted. */
  default void tableStarted(String table, long rows) {}

  /** A batch of {@code table} is committed: {@code done} rows of {@code total} purged so far. */
  default void batchCommitted(String table, long done, long total) {}

  /** {@code table} is done: {@code rows} purged (counted, in a dry run). */
  default void tableFinished(String table, long rows) {}
}
