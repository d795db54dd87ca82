package io.github.softdelete.mybatis;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a {@link Purge} did.
 *
 * @param dryRun whether nothing was changed and the counts are what would have been purged
 * @param cutoff rows deleted before this moment (the database's {@code LOCALTIMESTAMP} minus the
 *     retention) were purged
 * @param tables one entry per table, in the order purged
 */
public record PurgeReport(boolean dryRun, LocalDateTime cutoff, List<Table> tables) {
  public PurgeReport {
    tables = List.copyOf(tables);
  }

  /** Rows purged (or, in a dry run, that would be) in every table together. */
  public long total() {
    return tables.stream().mapToLong(Table::rows).sum();
  }

  /**
   * @param table the table as given to {@link Purge.Builder#tables}
   * @param archiveTable the archive table (the table's name plus the suffix), or {@code null} without archive
   * @param rows rows purged (or, in a dry run, that would be)
   * @param batches transactions committed (in a dry run, that would be)
   */
  public record Table(String table, String archiveTable, long rows, long batches) {}
}
