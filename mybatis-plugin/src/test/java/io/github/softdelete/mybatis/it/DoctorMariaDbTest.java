package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SchemaDoctor;
import io.github.softdelete.mybatis.SchemaDoctor.Problem;
import io.github.softdelete.mybatis.doctor.DoctorScenario;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The doctor on a real MariaDB, whose strategy is the generated live column (and is recognised). */
class DoctorMariaDbTest {
  private static final String DATABASE = "softdelete_it_doctor_maria";
  // the generated live column of docs/unique-keys.md
  private static final String PROFILES = "CREATE TABLE profiles (id BIGINT PRIMARY KEY, handle VARCHAR(50) NOT NULL,"
      + " deleted_at DATETIME NULL, alive TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL,"
      + " UNIQUE KEY profiles_live_handle (handle, alive), KEY profiles_deleted (deleted_at))";

  private Connection admin;
  private Connection connection;

  @BeforeEach
  void createDatabase() throws SQLException {
    admin = Databases.mariaDb();
    try (Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    connection = DriverManager.getConnection(Databases.mariaDbUrl(DATABASE), "root", "");
    DoctorScenario.create(connection, DoctorScenario.schema("DATETIME", PROFILES));
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    if (admin != null) {
      try (Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
      }
      admin.close();
    }
  }

  @Test
  void shouldFindEachProblemOfTheSchema() throws SQLException {
    SchemaDoctor doctor = SchemaDoctor.examine(connection, DoctorScenario.config());

    assertThat(doctor.database()).isEqualTo("MariaDB");
    DoctorScenario.assertFindings(doctor);
    assertThat(doctor.findings()).filteredOn(f -> f.problem() == Problem.UNIQUE_KEY).first().satisfies(f ->
        assertThat(f.advice()).isEqualTo("a generated live column, NULL for deleted rows: ALTER TABLE accounts ADD"
            + " alive TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL, ADD UNIQUE (email, alive), then drop"
            + " accounts_email (docs/unique-keys.md)"));
  }
}
