package io.github.softdelete.mybatis.it;

import io.github.softdelete.mybatis.PurgeReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.Purge;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The purge on a real server: ids 1-3 live, 4-8 deleted in 2020, 9 deleted an hour ago; a purge of rows
 * deleted more than 30 days ago, archived, in batches of 2, must leave 1-3 and 9 and archive 4-8 unchanged.
 */
final class PurgeScenario {
  private PurgeScenario() {}

  /** Inserts the rows; the tables {@code documents} and {@code documents_archive} exist. */
  static void insertRows(Jdbc db, String anHourAgo) throws SQLException {
    db.execute("INSERT INTO documents (id, title, deleted_at) VALUES (1, 'doc 1', NULL), (2, 'doc 2', NULL),"
        + " (3, 'doc 3', NULL), (4, 'doc 4', '2020-01-01 00:00:00'), (5, 'doc 5', '2020-01-02 00:00:00'),"
        + " (6, 'doc 6', '2020-01-03 00:00:00'), (7, 'doc 7', '2020-01-04 00:00:00'),"
        + " (8, 'doc 8', '2020-01-05 00:00:00'), (9, 'doc 9', " + anHourAgo + ")");
  }

  static void purgeAndCheck(Jdbc db, String table, String url, String user) throws SQLException {
    List<String> before = db.rows("SELECT id, title, deleted_at FROM documents WHERE id BETWEEN 4 AND 8 ORDER BY id");

    PurgeReport report = Purge.builder().tables(table).olderThan(Duration.ofDays(30)).archiveSuffix("_archive")
        .batchSize(2).build().run(url, user, "");

    assertThat(report.total()).isEqualTo(5);
    assertThat(report.tables().get(0).batches()).isEqualTo(3);
    assertThat(db.rows("SELECT id FROM documents ORDER BY id")).containsExactly("1", "2", "3", "9");
    assertThat(db.rows("SELECT id, title, deleted_at FROM documents_archive ORDER BY id")).isEqualTo(before).hasSize(5);
    assertThat(db.rows("SELECT COUNT(*) FROM documents_archive WHERE archived_at IS NULL")).containsExactly("0");
  }
}
