package io.github.softdelete.mybatis.engine;

/**
 * What the library counts for a metrics system (Micrometer, through {@code SoftDeleteMetrics}): each call of
 * a statement on a soft table and what became of it, and the rewrite cache's hits, misses and cold rewrites.
 * Without one bound, {@link #NONE}: nothing is counted, and nothing is added to a call but an empty method.
 */
public interface Meters {
  /** Counts nothing. */
  Meters NONE = new Meters() {};

  /** A call of {@code statementId} ran as other SQL. */
  default void rewritten(String statementId) {}

  /** A call of {@code statementId}, which mentions a soft table, ran as written. */
  default void unchanged(String statementId) {}

  /** A call of {@code statementId} was refused before it reached the database. */
  default void refused(String statementId) {}

  /** The rewrite cache had the answer. */
  default void cacheHit() {}

  /** The rewrite cache did not: the statement was parsed and rewritten, which took {@code nanos}. */
  default void cacheMiss(long nanos) {}

  /** A rewrite cache was made, whose size the metrics may read. */
  default void cacheCreated(RewriteCache cache) {}
}
