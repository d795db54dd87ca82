package io.github.softdelete.mybatis.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The check's command line in process; the agent's {@code CommandLineIT} runs it from the agent jar. */
class CheckCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Properties options, String... args) {
    return CheckCommand.run(options, args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static Properties tables(String tables) {
    Properties options = new Properties();
    options.setProperty("tables", tables);
    return options;
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldFailWhenAStatementIsRefusedAndPrintWhy() {
    int status = run(tables("users,orders"), CheckFixtures.MAPPER.toString());

    assertThat(status).isEqualTo(1);
    assertThat(out().lines().limit(2)).containsExactly("read 1 mapper file (stand-ins for 4 of the application's"
        + " classes)", "softdelete check: 11 statements on offline, soft tables: orders, users");
    assertThat(out()).contains("refused in the default mode:");
  }

  @Test
  void shouldPassWhenTheRefusedStatementIsExcepted() {
    int status = run(tables("users,orders"), "--except", "com.shop.UserMapper.truncateUsers",
        CheckFixtures.MAPPER.toString());

    assertThat(status).isZero();
  }

  @Test
  void shouldWriteJsonWithTheFilesRead() {
    int status = run(tables("users"), "--json", "--database", "PostgreSQL", CheckFixtures.RESOURCES.resolve("folder").toString());

    assertThat(status).isEqualTo(1);
    assertThat(out()).startsWith("{\n  \"files\": [\"" + CheckFixtures.RESOURCES.resolve("folder/OddMapper.xml")
        + "\", \"" + CheckFixtures.RESOURCES.resolve("folder/nested/CheckMapper.xml") + "\"],\n  \"unreadable\": [],\n"
        + "  \"database\": \"PostgreSQL (offline)\",");
  }

  @Test
  void shouldFailWhenAMapperCannotBeRead() {
    int status = run(tables("users"), CheckFixtures.RESOURCES.resolve("missing.xml").toString());

    assertThat(status).isEqualTo(1);
    assertThat(out()).endsWith("could not be read:" + System.lineSeparator() + "  "
        + CheckFixtures.RESOURCES.resolve("missing.xml") + ": no such file or folder" + System.lineSeparator());
  }

  @Test
  void shouldNeedTheTablesWithoutADatabase() {
    int status = run(new Properties(), CheckFixtures.MAPPER.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("softdelete: a check without a database needs the"
        + " option tables=... (with no database there is no column 'deleted_at' to detect soft tables by)"
        + System.lineSeparator());
  }

  @Test
  void shouldNameAnUnknownOption() {
    int status = run(tables("users"), "--jsno", CheckFixtures.MAPPER.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("softdelete: unknown option '--jsno'"
        + System.lineSeparator() + "usage: check [options]");
  }
}
