package io.github.softdelete.mybatis.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The doctor's command line in process; the agent's {@code DoctorCommandIT} runs it from the agent jar. */
class DoctorCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Properties options, String... args) {
    return DoctorCommand.run(options, args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static Properties tables(String tables) {
    Properties options = new Properties();
    options.setProperty("tables", tables);
    return options;
  }

  @Test
  void shouldExitWithOneWhenTheSchemaHasAProblem() {
    String url = "jdbc:h2:mem:doctor_command;INIT=CREATE TABLE IF NOT EXISTS users (id INT PRIMARY KEY,"
        + " email VARCHAR(50), deleted_at TIMESTAMP)\\;CREATE UNIQUE INDEX IF NOT EXISTS users_email ON users (email)";

    int status = run(tables("users"), "--url", url, "--user", "sa");

    assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("softdelete doctor: H2, 1 soft table: users"
        + System.lineSeparator() + "  1 problem, 1 note" + System.lineSeparator());
  }

  @Test
  void shouldExitWithZeroWhenOnlyNotesRemain() {
    String url = "jdbc:h2:mem:doctor_notes;INIT=CREATE TABLE IF NOT EXISTS users (id INT PRIMARY KEY,"
        + " deleted_at TIMESTAMP)";

    int status = run(tables("users"), "--url", url, "--user", "sa");

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("  0 problems, 1 note");
  }

  @Test
  void shouldNeedAUrl() {
    int status = run(tables("users"), "--user", "sa");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("softdelete doctor: --url is required");
  }
}
