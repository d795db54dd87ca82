package io.github.softdelete.mybatis.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SchemaDoctor;
import io.github.softdelete.mybatis.SchemaDoctor.Problem;
import io.github.softdelete.mybatis.SchemaDoctor.Severity;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The doctor on H2, whose fitting unique-key strategy is the deletion token. */
class DoctorH2Test {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  // the deletion token of docs/unique-keys.md
  private static final String PROFILES = "CREATE TABLE profiles (id BIGINT PRIMARY KEY, handle VARCHAR(50) NOT NULL,"
      + " deleted_token BIGINT DEFAULT 0 NOT NULL, CONSTRAINT profiles_handle UNIQUE (handle, deleted_token))";

  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:doctor" + DATABASES.incrementAndGet(), "sa", "");
    DoctorScenario.create(connection, DoctorScenario.schema("TIMESTAMP", PROFILES));
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private static SchemaDoctor examine(Connection connection, String... more) throws SQLException {
    return SchemaDoctor.examine(connection, DoctorScenario.config(concat(new String[] {"table.profiles.column",
        "deleted_token", "table.profiles.liveValue", "0", "table.profiles.deletedValue", "id"}, more)));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void shouldFindEachProblemOfTheSchema() throws SQLException {
    SchemaDoctor doctor = examine(connection);

    assertThat(doctor.database()).isEqualTo("H2");
    DoctorScenario.assertFindings(doctor);
    // H2 takes the deletion token
    assertThat(doctor.findings().stream().filter(f -> f.problem() == Problem.UNIQUE_KEY).findFirst().orElseThrow()
        .advice()).startsWith("a deletion token: a marker column 0 while live and the row's id once deleted");
  }

  @Test
  void shouldNotAskForACascadeThatIsDeclared() throws SQLException {
    SchemaDoctor doctor = examine(connection, "cascade", "orders.account_id->accounts.id");

    assertThat(doctor.findings()).noneMatch(f -> f.problem() == Problem.FOREIGN_KEY_CASCADE);
    assertThat(doctor.cascadeDeclaration()).isNull();
  }

  @Test
  void shouldCountTheKeysThatDetectDerivesAsDeclared() throws SQLException {
    SchemaDoctor doctor = examine(connection, "cascade", "detect", "restrict", "detect");

    assertThat(doctor.findings()).noneMatch(f -> f.problem() == Problem.FOREIGN_KEY_CASCADE
        || f.problem() == Problem.FOREIGN_KEY_RULE);
    assertThat(doctor.cascadeDeclaration()).isNull();
  }

  @Test
  void shouldAdviseARestrictForARestrictKeyAndNotNoteOneThatIsDeclared() throws SQLException {
    SchemaDoctor undeclared = examine(connection);
    SchemaDoctor declared = examine(connection, "restrict", "payments.order_id->orders.id");

    assertThat(undeclared.findings()).filteredOn(f -> f.problem() == Problem.FOREIGN_KEY_RULE).singleElement()
        .satisfies(f -> assertThat(f.advice()).isEqualTo("to keep refusing, declare"
            + " restrict=payments.order_id->orders.id (or restrict=detect); to delete them with it, declare"
            + " cascade=payments.order_id->orders.id (or cascade=detect)"));
    assertThat(declared.findings()).noneMatch(f -> f.problem() == Problem.FOREIGN_KEY_RULE);
  }

  @Test
  void shouldSayThatAConfiguredTableOrItsMarkerIsMissing() throws SQLException {
    SchemaDoctor doctor = SchemaDoctor.examine(connection, DoctorScenario.config("tables", "accounts,ghosts",
        "table.flags.column", "removed"));

    assertThat(doctor.findings()).filteredOn(f -> f.problem() == Problem.MARKER_COLUMN)
        .extracting(SchemaDoctor.Finding::detail)
        .containsExactly("table flags has no marker column removed: every statement on it fails",
            "the database has no table ghosts (in the connection's schema or any other)");
  }

  @Test
  void shouldPrintEachTablesFindingsAndTheCascadeToDeclare() throws SQLException {
    String text = examine(connection).text();

    assertThat(text.lines().limit(2)).containsExactly("softdelete doctor: H2, 7 soft tables: accounts, flags,"
        + " members, orders, payments, profiles, stamps", "  6 problems, 2 notes");
    assertThat(text).contains(System.lineSeparator() + "accounts" + System.lineSeparator()
        + "  problem unique key accounts_email: unique key (email) is held by deleted rows too: inserting a deleted"
        + " row's key again fails until that row is purged" + System.lineSeparator()
        + "          fix: a deletion token:");
    assertThat(text).endsWith("what the schema's ON DELETE CASCADE did, for soft deletes (with the cascades already"
        + " declared):" + System.lineSeparator() + "  cascade=orders.account_id->accounts.id" + System.lineSeparator()
        + "  (as an agent option, colons between them: cascade=orders.account_id->accounts.id)"
        + System.lineSeparator());
  }

  @Test
  void shouldLeaveATransactionAsItWasWhenAProbeIsRefused() throws SQLException {
    connection.setAutoCommit(false);
    DoctorScenario.create(connection, List.of("INSERT INTO accounts VALUES (1, 'a@b', NULL)"));

    examine(connection, "table.stamps.liveValue", "'not a date'");

    assertThat(connection.getAutoCommit()).isFalse();
    connection.rollback();
  }

  @Test
  void shouldTellAConfigurationErrorFirst() throws SQLException {
    SchemaDoctor doctor = SchemaDoctor.examine(connection, io.github.softdelete.mybatis.SoftDeleteConfig
        .fromPropertiesOnly(properties("column", "is_deleted")));

    assertThat(doctor.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
      assertThat(f.problem()).isEqualTo(Problem.CONFIGURATION);
      assertThat(f.detail()).isEqualTo("softdelete: table 'flags' marks deleted rows in character column"
          + " 'is_deleted': set table.flags.liveValue and table.flags.deletedValue (e.g. '0' and '2')");
    });
  }

  private static java.util.Properties properties(String key, String value) {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty(key, value);
    return properties;
  }
}
