package io.github.softdelete.mybatis.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge command line, run in this JVM: its output, its exit status, its errors. */
class PurgeCommandTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Documents db;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void createDatabase() throws SQLException {
    db = new Documents("jdbc:h2:mem:purgecli" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1").create(5);
  }

  private int run(boolean terminal, String... args) {
    return PurgeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The output with the cut-off (the database's clock) replaced by a fixed text. */
  private String outWithoutClock() {
    return out().replaceAll("deleted before \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?", "deleted before <cutoff>");
  }

  @Test
  void shouldPrintOneLinePerBatchAndTheFinalCountWithoutTerminal() throws SQLException {
    // when
    int status = run(false, "--url", db.url(), "--user", "sa", "--tables", "documents", "--older-than", "30d",
        "--archive-suffix", "_archive", "--batch-size", "2");

    // then
    assertThat(status).isZero();
    assertThat(err()).isEmpty();
    assertThat(outWithoutClock()).isEqualTo(String.join("\n",
        "documents: 5 rows deleted before the cut-off",
        "documents: 2/5 rows purged",
        "documents: 4/5 rows purged",
        "documents: 5/5 rows purged",
        "purged 5 rows deleted before <cutoff>: documents 5 (archived in documents_archive, 3 batches)",
        ""));
    assertThat(db.ids("documents_archive")).containsExactly("4", "5", "6", "7", "8");
  }

  @Test
  void shouldDrawABarRedrawnInPlaceOnATerminal() {
    // when
    int status = run(true, "--url=" + db.url(), "--user=sa", "--tables=documents", "--older-than=P30D",
        "--batch-size=4");

    // then
    assertThat(status).isZero();
    assertThat(outWithoutClock()).isEqualTo(
        "documents: 5 rows deleted before the cut-off\n"
            + "\rdocuments [------------------------------]   0% 0/5"
            + "\rdocuments [########################------]  80% 4/5"
            + "\rdocuments [##############################] 100% 5/5\n"
            + "purged 5 rows deleted before <cutoff>: documents 5 (2 batches)\n");
  }

  @Test
  void shouldSayWhatADryRunWouldDoAndChangeNothing() throws SQLException {
    // when
    int status = run(false, "--url", db.url(), "--user", "sa", "--tables", "documents", "--older-than", "30d",
        "--archive-suffix", "_archive", "--batch-size", "2", "--dry-run");

    // then
    assertThat(status).isZero();
    assertThat(outWithoutClock()).isEqualTo(String.join("\n",
        "documents: 5 rows deleted before the cut-off",
        "dry run: would purge 5 rows deleted before <cutoff>: documents 5 (to archive in documents_archive, 3 batches);"
            + " nothing was changed",
        ""));
    assertThat(db.ids("documents")).hasSize(10);
    assertThat(db.ids("documents_archive")).isEmpty();
  }

  @Test
  void shouldRefuseARetentionThatIsNotADuration() {
    int status = run(false, "--url", db.url(), "--tables", "documents", "--older-than", "30 days");

    assertThat(status).isEqualTo(2);
    assertThat(err()).isEqualTo("softdelete purge: option --older-than has value '30 days': not a duration; use"
        + " e.g. 30d, 12h, 90m, 45s or ISO-8601 such as P30D\n" + PurgeCommand.USAGE + "\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void shouldRefuseACyclicCascade() {
    int status = run(false, "--url", db.url(), "--tables", "documents", "--older-than", "30d", "--cascade",
        "a.x->b.id,b.y->a.id");

    assertThat(status).isEqualTo(2);
    assertThat(err()).startsWith("softdelete purge: option --cascade has value 'a.x->b.id,b.y->a.id': the cascades"
        + " form a cycle: ");
  }

  @Test
  void shouldPurgeChildrenFirstWithCascadeOption() throws SQLException {
    db.execute("CREATE TABLE attachments (id BIGINT PRIMARY KEY, document_id BIGINT NOT NULL REFERENCES documents(id),"
            + " deleted_at TIMESTAMP NULL)",
        "INSERT INTO attachments VALUES (40, 4, TIMESTAMP '" + Documents.OLD + "'), (10, 1, NULL)");

    int status = run(false, "--url", db.url(), "--user", "sa", "--tables", "documents,attachments", "--older-than",
        "30d", "--cascade", "attachments.document_id->documents.id");

    assertThat(status).as(err()).isZero();
    assertThat(out().lines().filter(l -> l.contains("before the cut-off")))
        .containsExactly("attachments: 1 rows deleted before the cut-off", "documents: 5 rows deleted before the cut-off");
    assertThat(db.ids("attachments")).containsExactly("10");
    assertThat(db.ids("documents")).containsExactly("1", "2", "3", "9", "10");
  }

  @Test
  void shouldRefuseABatchSizeBelowOne() {
    int status = run(false, "--url", db.url(), "--tables", "documents", "--older-than", "30d", "--batch-size", "0");

    assertThat(status).isEqualTo(2);
    assertThat(err()).startsWith("softdelete purge: option --batch-size has value '0': not a whole number of at"
        + " least 1\n");
  }

  @Test
  void shouldRefuseUnknownOptionsMissingValuesAndMissingRequiredOptions() {
    assertThat(run(false, "--url", db.url(), "--tables", "documents", "--older-than", "30d", "--archive", "_a"))
        .isEqualTo(2);
    assertThat(run(false, "--url", db.url(), "--tables")).isEqualTo(2);
    assertThat(run(false, "--url", db.url(), "--older-than", "30d")).isEqualTo(2);
    assertThat(err().lines().filter(l -> l.startsWith("softdelete purge:"))).containsExactly(
        "softdelete purge: unknown option '--archive'; known options: --url, --user, --password, --tables,"
            + " --older-than, --archive-suffix, --batch-size, --column, --live-value, --deleted-at-column, --cascade,"
            + " --dry-run, and the configuration keys as --<key> (--liveValue, --table.<name>.column, ...), with"
            + " --table.<name>.deletedAtColumn",
        "softdelete purge: option --tables needs a value",
        "softdelete purge: option --tables is required");
  }

  @Test
  void shouldNameAnUnknownTableAndExitWithOne() throws SQLException {
    int status = run(false, "--url", db.url(), "--user", "sa", "--tables", "documents,userz", "--older-than", "1d");

    assertThat(status).isEqualTo(1);
    assertThat(err()).isEqualTo("softdelete purge: table 'userz' does not exist\n");
    assertThat(db.ids("documents")).hasSize(10);
  }

  @Test
  void shouldNameABadConfigurationKeyAsTheConfigurationDoes() {
    assertThat(run(false, "--url", db.url(), "--tables", "documents", "--older-than", "30d",
        "--table.documents.colum", "is_deleted")).isEqualTo(2);
    assertThat(run(false, "--url", db.url(), "--tables", "documents", "--older-than", "30d",
        "--table.documents.liveValue=0;")).isEqualTo(2);
    assertThat(run(false, "--url", db.url(), "--tables", "documents", "--older-than", "30d",
        "--live-value", "0 OR 1 = 1")).isEqualTo(2);

    assertThat(err().lines().filter(l -> l.startsWith("softdelete"))).containsExactly(
        "softdelete: unknown property 'table.documents.colum'; per-table keys are table.<table or schema.table>"
            + ".<attribute>, attributes: column, liveValue, deletedValue, deletedByColumn, deleteReasonColumn,"
            + " onDeleteSet, onRestoreSet",
        "softdelete: property 'table.documents.liveValue' has value '0;': comments and semicolons are not allowed"
            + " in a SQL expression",
        "softdelete purge: live value '0 OR 1 = 1' is not a literal (NULL, TRUE, FALSE, a number or a '...' string)");
  }
}
