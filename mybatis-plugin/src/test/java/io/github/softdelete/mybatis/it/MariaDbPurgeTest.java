package io.github.softdelete.mybatis.it;

import io.github.softdelete.mybatis.PurgeReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.Purge;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge and archive on a real MariaDB, with a {@code DATETIME} marker, found by current or named database. */
class MariaDbPurgeTest {
  private static final String DATABASE = "softdelete_it_purge_maria";

  private Jdbc db;

  @BeforeEach
  void createTables() throws SQLException {
    db = new Jdbc(Databases.mariaDb(), List.of());
    db.execute(
        "DROP DATABASE IF EXISTS " + DATABASE,
        "CREATE DATABASE " + DATABASE,
        "USE " + DATABASE,
        "CREATE TABLE documents (id INT PRIMARY KEY, title VARCHAR(40) NOT NULL, deleted_at DATETIME NULL)",
        "CREATE TABLE documents_archive (id INT PRIMARY KEY, title VARCHAR(40) NOT NULL, deleted_at DATETIME NULL,"
            + " archived_at DATETIME NOT NULL)");
    PurgeScenario.insertRows(db, "NOW() - INTERVAL 1 HOUR");
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (db != null) {
      db.execute("DROP DATABASE IF EXISTS " + DATABASE);
      db.close();
    }
  }

  @Test
  void shouldPurgeAndArchiveInTheConnectionsDatabase() throws SQLException {
    PurgeScenario.purgeAndCheck(db, "documents",
        Databases.MARIADB_URL.replace("/test?", "/" + DATABASE + "?"), "root");
  }

  @Test
  void shouldLeaveGeneratedColumnsOfAnArchiveMadeWithLikeToTheDatabase() throws SQLException {
    // given: a live column for unique emails, and an archive copied from the table's definition
    db.execute("CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(40) NOT NULL, deleted_at DATETIME NULL,"
            + " alive TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL, UNIQUE (email, alive))",
        "CREATE TABLE accounts_archive LIKE accounts",
        "ALTER TABLE accounts_archive ADD archived_at DATETIME NOT NULL",
        "INSERT INTO accounts (id, email, deleted_at) VALUES (1, 'ann', '2020-01-01 00:00:00'),"
            + " (2, 'ann', '2020-01-02 00:00:00'), (3, 'ann', NULL)");

    // when
    PurgeReport report = Purge.builder().tables("accounts").olderThan(Duration.ofDays(30)).archiveSuffix("_archive")
        .build().run(Databases.MARIADB_URL.replace("/test?", "/" + DATABASE + "?"), "root", "");

    // then
    assertThat(report.total()).isEqualTo(2);
    assertThat(db.rows("SELECT id, email, deleted_at, alive FROM accounts_archive ORDER BY id"))
        .containsExactly("1|ann|2020-01-01 00:00:00|null", "2|ann|2020-01-02 00:00:00|null");
    assertThat(db.rows("SELECT id FROM accounts")).containsExactly("3");
  }

  @Test
  void shouldPurgeAndArchiveATableNamedWithItsDatabase() throws SQLException {
    PurgeScenario.purgeAndCheck(db, DATABASE + ".documents", Databases.MARIADB_URL, "root");
  }
}
