package io.github.softdelete.mybatis.it;

import static io.github.softdelete.mybatis.doctor.DoctorScenario.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SchemaDoctor;
import io.github.softdelete.mybatis.SchemaDoctor.Problem;
import io.github.softdelete.mybatis.SchemaDoctor.Severity;
import io.github.softdelete.mybatis.doctor.DoctorScenario;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The doctor on a real PostgreSQL: the partial unique index is its strategy (and is recognised), and the database
 * itself refuses a boolean marker compared with numbers, which the doctor's probe reports.
 */
class DoctorPostgresTest {
  private static final String SCHEMA = "softdelete_it_doctor_pg";
  private static final String PROFILES = "CREATE TABLE profiles (id BIGINT PRIMARY KEY, handle TEXT NOT NULL,"
      + " deleted_at TIMESTAMPTZ)";

  private Connection admin;
  private Connection connection;

  @BeforeEach
  void createSchema() throws SQLException {
    admin = Databases.postgres();
    try (Statement statement = admin.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
    }
    connection = DriverManager.getConnection(Databases.postgresUrl(SCHEMA), "postgres", "");
    List<String> schema = new ArrayList<>(DoctorScenario.schema("TIMESTAMP", PROFILES));
    schema.add("CREATE UNIQUE INDEX profiles_live_handle ON profiles (handle) WHERE deleted_at IS NULL");
    schema.add("CREATE TABLE toggles (id BIGINT PRIMARY KEY, is_deleted BOOLEAN DEFAULT FALSE NOT NULL)");
    schema.add("CREATE INDEX toggles_deleted ON toggles (is_deleted)");
    DoctorScenario.create(connection, schema);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    if (admin != null) {
      try (Statement statement = admin.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      }
      admin.close();
    }
  }

  @Test
  void shouldFindEachProblemOfTheSchemaAndTheOneThePostgresRefuses() throws SQLException {
    SchemaDoctor doctor = SchemaDoctor.examine(connection, DoctorScenario.config("tables",
        "accounts,members,orders,payments,flags,stamps,profiles,toggles", "table.toggles.column", "is_deleted",
        "table.toggles.liveValue", "0", "table.toggles.deletedValue", "1"));

    assertThat(doctor.database()).isEqualTo("PostgreSQL");
    DoctorScenario.assertFindings(doctor, finding(Severity.PROBLEM, Problem.MARKER_VALUE, "toggles", "is_deleted"));
    assertThat(doctor.findings()).filteredOn(f -> f.table().equals("toggles")).singleElement().satisfies(f ->
        assertThat(f.detail()).startsWith("the database refuses the marker values (liveValue 0, deletedValue 1) for"
            + " is_deleted bool: ERROR: operator does not exist: boolean = integer"));
    assertThat(doctor.findings()).filteredOn(f -> f.problem() == Problem.UNIQUE_KEY).first().satisfies(f ->
        assertThat(f.advice()).isEqualTo("a partial unique index, which deleted rows stay outside of: CREATE UNIQUE"
            + " INDEX accounts_email_live ON accounts (email) WHERE deleted_at IS NULL, then drop accounts_email"
            + " (docs/unique-keys.md)"));
  }
}
