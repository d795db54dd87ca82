package io.github.softdelete.mybatis.insights;

/**
 * The SQL of the insights recipe in docs/insights.md, word for word (a test checks the page still shows it):
 * plain SQL on the marker and the audit columns, for a SQL console where no interceptor runs.
 */
public final class InsightQueries {
  public static final String PER_DAY = String.join("\n",
      "SELECT CAST(deleted_at AS DATE) AS deleted_on, COUNT(*) AS deletions",
      "FROM documents",
      "WHERE deleted_at IS NOT NULL",
      "GROUP BY CAST(deleted_at AS DATE)",
      "ORDER BY deleted_on");

  public static final String WHO = String.join("\n",
      "SELECT COALESCE(deleted_by, '(unknown)') AS who, COUNT(*) AS deletions,",
      "       COUNT(DISTINCT delete_reason) AS reasons",
      "FROM documents",
      "WHERE deleted_at IS NOT NULL",
      "GROUP BY COALESCE(deleted_by, '(unknown)')",
      "ORDER BY deletions DESC, who");

  /** H2, MySQL and MariaDB. */
  public static final String TIME_TO_DELETION = String.join("\n",
      "SELECT COUNT(*) AS deleted,",
      "       MIN(TIMESTAMPDIFF(HOUR, created_at, deleted_at)) AS min_hours,",
      "       AVG(TIMESTAMPDIFF(HOUR, created_at, deleted_at)) AS avg_hours,",
      "       MAX(TIMESTAMPDIFF(HOUR, created_at, deleted_at)) AS max_hours,",
      "       SUM(CASE WHEN deleted_at < created_at + INTERVAL '2' HOUR THEN 1 ELSE 0 END) AS within_2_hours",
      "FROM documents",
      "WHERE deleted_at IS NOT NULL");

  /** PostgreSQL. */
  public static final String TIME_TO_DELETION_POSTGRES = String.join("\n",
      "SELECT COUNT(*) AS deleted,",
      "       MIN(EXTRACT(EPOCH FROM deleted_at - created_at) / 3600) AS min_hours,",
      "       AVG(EXTRACT(EPOCH FROM deleted_at - created_at) / 3600) AS avg_hours,",
      "       MAX(EXTRACT(EPOCH FROM deleted_at - created_at) / 3600) AS max_hours,",
      "       COUNT(*) FILTER (WHERE deleted_at < created_at + INTERVAL '2 hours') AS within_2_hours",
      "FROM documents",
      "WHERE deleted_at IS NOT NULL");

  /**
   * The fixture: document 1 live; 2-6 deleted, by alice (3), bob (1) and someone unknown (1), on 2 March (3)
   * and 4 March (2), after 25, 30, 1, 72 and 30 hours.
   */
  public static final String FIXTURE = "INSERT INTO documents (id, title, created_at, deleted_at, deleted_by,"
      + " delete_reason) VALUES"
      + " (1, 'plan', '2026-03-01 09:00:00', NULL, NULL, NULL),"
      + " (2, 'plan copy', '2026-03-01 09:00:00', '2026-03-02 10:00:00', 'alice', 'duplicate'),"
      + " (3, 'win a prize', '2026-03-01 12:00:00', '2026-03-02 18:00:00', 'alice', 'spam'),"
      + " (4, 'pln', '2026-03-02 08:00:00', '2026-03-02 09:00:00', 'bob', 'typo'),"
      + " (5, 'plan v2', '2026-03-01 00:00:00', '2026-03-04 00:00:00', 'alice', 'duplicate'),"
      + " (6, 'notes', '2026-03-03 00:00:00', '2026-03-04 06:00:00', NULL, NULL)";

  private InsightQueries() {}

  /** A decimal without its trailing zeros ({@code 31.6000} is {@code 31.6}, {@code 1.000} is {@code 1}). */
  public static String plain(String value) {
    return value != null && value.matches("-?[0-9]+\\.[0-9]+")
        ? new java.math.BigDecimal(value).stripTrailingZeros().toPlainString() : value;
  }
}
