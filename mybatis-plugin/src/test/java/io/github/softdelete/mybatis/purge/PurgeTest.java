package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.PurgeListener;
import io.github.softdelete.mybatis.PurgeReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.Purge;
import io.github.softdelete.mybatis.PurgeException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge API on H2: what it removes, what it archives, dry runs, and the errors that stop it early. */
class PurgeTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Duration MONTH = Duration.ofDays(30);

  private Documents db;

  @BeforeEach
  void createDatabase() throws SQLException {
    db = new Documents("jdbc:h2:mem:purge" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1").create(5);
  }

  private PurgeReport purge(Purge.Builder builder) {
    return builder.build().run(db.url(), "sa", "");
  }

  @Test
  void shouldRemoveOnlyRowsDeletedLongerAgoThanTheRetentionInBatches() throws SQLException {
    // given: 3 live, 5 deleted in 2020 (4-8), 2 deleted an hour ago (9, 10)
    List<String> progress = new ArrayList<>();
    PurgeListener listener = new PurgeListener() {
      @Override
      public void batchCommitted(String table, long done, long total) {
        progress.add(table + " " + done + "/" + total);
      }
    };

    // when
    PurgeReport report = purge(Purge.builder().tables("documents").olderThan(MONTH).batchSize(2).listener(listener));

    // then
    assertThat(db.ids("documents")).containsExactly("1", "2", "3", "9", "10");
    assertThat(report.dryRun()).isFalse();
    assertThat(report.tables()).containsExactly(new PurgeReport.Table("documents", null, 5, 3));
    assertThat(report.total()).isEqualTo(5);
    assertThat(progress).containsExactly("documents 2/5", "documents 4/5", "documents 5/5");
    assertThat(db.ids("documents_archive")).isEmpty();
  }

  @Test
  void shouldPurgeEveryDeletedRowWithZeroRetention() throws SQLException {
    // when
    PurgeReport report = purge(Purge.builder().tables("documents").olderThan(Duration.ZERO));

    // then
    assertThat(db.ids("documents")).containsExactly("1", "2", "3");
    assertThat(report.tables()).containsExactly(new PurgeReport.Table("documents", null, 7, 1));
  }

  @Test
  void shouldCopyEachPurgedRowIntoTheArchiveWithWhenItWasArchived() throws SQLException {
    // given
    List<String> before = db.rows("SELECT id, title, created_at, deleted_at FROM documents WHERE id BETWEEN 4 AND 8"
        + " ORDER BY id");

    // when
    PurgeReport report = purge(Purge.builder().tables("documents").olderThan(MONTH).archiveSuffix("_archive")
        .batchSize(2));

    // then
    assertThat(db.ids("documents")).containsExactly("1", "2", "3", "9", "10");
    assertThat(db.rows("SELECT id, title, created_at, deleted_at FROM documents_archive ORDER BY id"))
        .isEqualTo(before).hasSize(5);
    assertThat(db.rows("SELECT COUNT(*) FROM documents_archive WHERE archived_at >= LOCALTIMESTAMP - INTERVAL '1' HOUR"))
        .containsExactly("5");
    assertThat(report.tables()).containsExactly(new PurgeReport.Table("documents", "documents_archive", 5, 3));
  }

  @Test
  void shouldChangeNothingInADryRunAndCountWhatWouldGo() throws SQLException {
    // when
    PurgeReport report = purge(Purge.builder().tables("documents").olderThan(MONTH).archiveSuffix("_archive")
        .batchSize(2).dryRun(true));

    // then
    assertThat(report.dryRun()).isTrue();
    assertThat(report.tables()).containsExactly(new PurgeReport.Table("documents", "documents_archive", 5, 3));
    assertThat(db.ids("documents")).hasSize(10);
    assertThat(db.ids("documents_archive")).isEmpty();
  }

  @Test
  void shouldNotArchiveTwiceARowWhoseCopyIsAlreadyInTheArchive() throws SQLException {
    // given: a copy of row 4 left by an earlier copy whose delete never ran (a database without transactions)
    db.execute("INSERT INTO documents_archive SELECT id, title, created_at, deleted_at, TIMESTAMP '2021-01-01 00:00:00'"
        + " FROM documents WHERE id = 4");

    // when
    purge(Purge.builder().tables("documents").olderThan(MONTH).archiveSuffix("_archive"));

    // then: row 4 is archived once, with its first archive time, and gone from the table
    assertThat(db.ids("documents_archive")).containsExactly("4", "5", "6", "7", "8");
    assertThat(db.rows("SELECT archived_at FROM documents_archive WHERE id = 4")).containsExactly("2021-01-01 00:00:00");
    assertThat(db.ids("documents")).containsExactly("1", "2", "3", "9", "10");
  }

  @Test
  void shouldKeepTheRowWhenTheArchiveHoldsADifferentRowWithItsKey() throws SQLException {
    // given: id 4 reused: the archive holds an older row 4 deleted at another time
    db.execute("INSERT INTO documents_archive VALUES (4, 'old doc 4', '2018-01-01 00:00:00',"
        + " '2018-02-01 00:00:00', '2018-03-01 00:00:00')");

    // when / then: the archive's primary key refuses the copy; the batch rolls back, nothing is lost
    assertThatThrownBy(() -> purge(Purge.builder().tables("documents").olderThan(MONTH).archiveSuffix("_archive")))
        .isInstanceOf(PurgeException.class)
        .hasMessageStartingWith("softdelete purge: database error on table 'documents': ")
        .hasMessageEndingWith(" (committed batches stay purged; the batch in flight was rolled back)");
    assertThat(db.ids("documents")).hasSize(10);
    assertThat(db.rows("SELECT title FROM documents_archive")).containsExactly("old doc 4");
  }

  @Test
  void shouldPurgeTablesWithACompositePrimaryKey() throws SQLException {
    // given
    db.execute("CREATE TABLE shares (doc_id BIGINT, user_id BIGINT, deleted_at TIMESTAMP, PRIMARY KEY (doc_id, user_id))",
        "INSERT INTO shares VALUES (1, 1, NULL), (1, 2, '" + Documents.OLD + "'), (2, 1, '" + Documents.OLD + "'),"
            + " (2, 2, '" + Documents.OLD + "')");

    // when
    PurgeReport report = purge(Purge.builder().tables("shares").olderThan(MONTH).batchSize(2));

    // then
    assertThat(db.rows("SELECT doc_id, user_id FROM shares")).containsExactly("1|1");
    assertThat(report.tables()).containsExactly(new PurgeReport.Table("shares", null, 3, 2));
  }

  @Test
  void shouldJudgeAgeByTheNamedColumnWhenTheMarkerIsADeletionToken() throws SQLException {
    // given: deleted_token is 0 when live, the row's id once deleted; deleted_on says when
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(50), deleted_token BIGINT DEFAULT 0 NOT NULL,"
            + " deleted_on TIMESTAMP)",
        "INSERT INTO accounts VALUES (1, 'a', 0, NULL), (2, 'a', 2, '" + Documents.OLD + "'),"
            + " (3, 'b', 3, LOCALTIMESTAMP), (4, 'c', 0, '" + Documents.OLD + "')");

    // when
    purge(Purge.builder().tables("accounts").olderThan(MONTH).column("deleted_token").liveValue("0")
        .deletedAtColumn("deleted_on"));

    // then: only the row both deleted and deleted long ago; row 4 is live whatever its deleted_on says
    assertThat(db.ids("accounts")).containsExactly("1", "3", "4");
  }

  @Test
  void shouldRefuseAMarkerThatIsNotATimestampUnlessTheDeletionTimeColumnIsNamed() throws SQLException {
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, deleted_token BIGINT DEFAULT 0 NOT NULL)");

    assertThatThrownBy(() -> purge(Purge.builder().tables("accounts").olderThan(MONTH).column("deleted_token")
        .liveValue("0")))
        .isInstanceOf(PurgeException.class)
        .hasMessage("softdelete purge: column 'DELETED_TOKEN' of table 'accounts' is BIGINT, not a timestamp, so it"
            + " cannot tell when a row was deleted; name a timestamp column that does with --deleted-at-column"
            + " (Purge.Builder#deletedAtColumn)");
  }

  @Test
  void shouldNameAnUnknownTableAndTouchNoTable() throws SQLException {
    assertThatThrownBy(() -> purge(Purge.builder().tables("documents", "documentz").olderThan(MONTH)))
        .isInstanceOf(PurgeException.class)
        .hasMessage("softdelete purge: table 'documentz' does not exist");
    assertThat(db.ids("documents")).hasSize(10);
  }

  @Test
  void shouldNameATableWithoutTheMarker() throws SQLException {
    db.execute("CREATE TABLE audit_log (id BIGINT PRIMARY KEY, message VARCHAR(100))");

    assertThatThrownBy(() -> purge(Purge.builder().tables("audit_log").olderThan(MONTH)))
        .isInstanceOf(PurgeException.class)
        .hasMessage("softdelete purge: table 'audit_log' has no column 'deleted_at' (the marker); is it a soft table?");
  }

  @Test
  void shouldNameATableWithoutPrimaryKey() throws SQLException {
    db.execute("CREATE TABLE events (name VARCHAR(100), deleted_at TIMESTAMP)");

    assertThatThrownBy(() -> purge(Purge.builder().tables("events").olderThan(MONTH)))
        .isInstanceOf(PurgeException.class)
        .hasMessage("softdelete purge: table 'events' has no primary key; purge copies and deletes rows by primary key");
  }

  @Test
  void shouldRequireTheArchiveTableAndSayHowToCreateIt() throws SQLException {
    assertThatThrownBy(() -> purge(Purge.builder().tables("documents").olderThan(MONTH).archiveSuffix("_old")))
        .isInstanceOf(PurgeException.class)
        .hasMessage("softdelete purge: archive table 'documents_old' for table 'documents' does not exist; create it"
            + " with the columns of 'documents' plus archived_at, e.g. CREATE TABLE documents_old AS SELECT * FROM"
            + " documents WHERE 1 = 0; ALTER TABLE documents_old ADD archived_at TIMESTAMP");
    assertThat(db.ids("documents")).hasSize(10);
  }

  @Test
  void shouldWorkWithTheArchiveTableTheErrorSuggests() throws SQLException {
    // given: the archive made exactly as the error message says
    db.execute("CREATE TABLE documents_old AS SELECT * FROM documents WHERE 1 = 0",
        "ALTER TABLE documents_old ADD archived_at TIMESTAMP");

    // when
    purge(Purge.builder().tables("documents").olderThan(MONTH).archiveSuffix("_old"));

    // then
    assertThat(db.ids("documents_old")).containsExactly("4", "5", "6", "7", "8");
  }

  @Test
  void shouldNameTheColumnsAnArchiveTableLacks() throws SQLException {
    db.execute("CREATE TABLE documents_bin (id BIGINT PRIMARY KEY, created_at TIMESTAMP, deleted_at TIMESTAMP)");

    assertThatThrownBy(() -> purge(Purge.builder().tables("documents").olderThan(MONTH).archiveSuffix("_bin")))
        .isInstanceOf(PurgeException.class)
        .hasMessage("softdelete purge: archive table 'documents_bin' has no column TITLE, archived_at; it needs every"
            + " column of 'documents' plus archived_at");
  }

  @Test
  void shouldRefuseBadOptionsWhenBuilt() {
    assertThatThrownBy(() -> Purge.builder().tables("documents").olderThan(MONTH).batchSize(0).build())
        .isInstanceOf(PurgeException.class)
        .hasMessage("softdelete purge: batch size 0 is not a whole number of at least 1");
    assertThatThrownBy(() -> Purge.builder().tables("documents").build())
        .hasMessage("softdelete purge: no retention given (olderThan)");
    assertThatThrownBy(() -> Purge.builder().olderThan(MONTH).build())
        .hasMessage("softdelete purge: no tables given");
    assertThatThrownBy(() -> Purge.builder().tables("documents").olderThan(Duration.ofDays(-1)).build())
        .hasMessage("softdelete purge: retention PT-24H is negative");
    assertThatThrownBy(() -> Purge.builder().tables("documents").olderThan(MONTH).liveValue("0 OR 1=1").build())
        .hasMessage("softdelete purge: live value '0 OR 1=1' is not a literal (NULL, TRUE, FALSE, a number or a"
            + " '...' string)");
  }

  @Test
  void shouldPurgeChildrenBeforeParentsWhenCascadesAreDeclared() throws SQLException {
    // given: attachments of the old deleted documents 4 and 5, deleted with them, held by a foreign key
    db.execute("CREATE TABLE attachments (id BIGINT PRIMARY KEY, document_id BIGINT NOT NULL REFERENCES documents(id),"
            + " deleted_at TIMESTAMP NULL)",
        "INSERT INTO attachments VALUES (40, 4, TIMESTAMP '" + Documents.OLD + "'),"
            + " (50, 5, TIMESTAMP '" + Documents.OLD + "'), (10, 1, NULL)");
    List<String> started = new ArrayList<>();
    PurgeListener listener = new PurgeListener() {
      @Override
      public void tableStarted(String table, long rows) {
        started.add(table);
      }
    };

    // when: the parent is named first
    PurgeReport report = purge(Purge.builder().tables("documents", "attachments").olderThan(MONTH)
        .cascades(List.of(new Cascade("attachments", "document_id", "documents", "id"))).listener(listener));

    // then: the child went first, so the foreign key never blocked the parent
    assertThat(started).containsExactly("attachments", "documents");
    assertThat(db.ids("attachments")).containsExactly("10");
    assertThat(db.ids("documents")).containsExactly("1", "2", "3", "9", "10");
    assertThat(report.total()).isEqualTo(7);
  }

  @Test
  void shouldTakeColumnLiveValueAndCascadesFromTheInterceptorsConfig() throws SQLException {
    db.execute("CREATE TABLE attachments (id BIGINT PRIMARY KEY, document_id BIGINT NOT NULL REFERENCES documents(id),"
            + " deleted_at TIMESTAMP NULL)",
        "INSERT INTO attachments VALUES (40, 4, TIMESTAMP '" + Documents.OLD + "'), (10, 1, NULL)");
    java.util.Properties keys = new java.util.Properties();
    keys.setProperty("cascade", "attachments.document_id->documents.id");

    PurgeReport report = purge(Purge.builder().tables("documents", "attachments").olderThan(MONTH)
        .config(io.github.softdelete.mybatis.SoftDeleteConfig.fromProperties(keys)));

    assertThat(report.tables()).extracting(PurgeReport.Table::table).containsExactly("attachments", "documents");
    assertThat(db.ids("attachments")).containsExactly("10");
    assertThat(db.ids("documents")).containsExactly("1", "2", "3", "9", "10");
  }

  @Test
  void shouldOrderTablesChildrenFirstAlongAChainAndKeepTheGivenOrderOtherwise() {
    List<Cascade> chain = List.of(new Cascade("attachments", "document_id", "documents", "id"),
        new Cascade("documents", "user_id", "users", "id"));

    assertThat(TableOrder.childrenFirst(chain).apply(List.of("users", "audit", "documents", "attachments")))
        .containsExactly("audit", "attachments", "documents", "users");
    assertThat(TableOrder.childrenFirst(List.of()).apply(List.of("users", "documents")))
        .containsExactly("users", "documents");
  }
}
