package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code doctor} from the agent jar, with nothing but the JDBC driver beside it: an H2 database made by its URL
 * to have a unique key that deleted rows hold and an ON DELETE CASCADE that a soft delete does not fire.
 */
class DoctorCommandIT {
  private static final String URL = "jdbc:h2:mem:doctor;INIT="
      + "CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(50) NOT NULL, deleted_at TIMESTAMP)\\;"
      + "CREATE UNIQUE INDEX accounts_email ON accounts (email)\\;"
      + "CREATE TABLE orders (id INT PRIMARY KEY, account_id INT NOT NULL, deleted_at TIMESTAMP,"
      + " CONSTRAINT orders_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE)\\;"
      + "CREATE INDEX orders_live ON orders (account_id, deleted_at)\\;"
      + "CREATE INDEX accounts_live ON accounts (deleted_at)";

  private static String h2() throws IOException {
    try (var jars = Files.list(Child.FIXTURES.resolve("plain/target/lib"))) {
      return jars.filter(jar -> jar.getFileName().toString().startsWith("h2-")).findFirst().orElseThrow().toString();
    }
  }

  @Test
  void shouldFindTheUniqueKeyAndTheCascadeAndPrintTheDeclaration() throws IOException {
    // no tables: detected by deleted_at, as the interceptor does
    Child child = Child.run(List.of(Child.JAVA, "-cp", Child.AGENT_JAR + File.pathSeparator + h2(),
        "io.github.softdelete.agent.Main", "doctor", "--url", URL, "--user", "sa"));

    assertThat(child.exitCode()).as(child.text()).isEqualTo(1);
    assertThat(child.lines()).containsExactly(
        "softdelete doctor: H2, 2 soft tables: accounts, orders",
        "  2 problems, 0 notes",
        "",
        "accounts",
        "  problem unique key accounts_email: unique key (email) is held by deleted rows too: inserting a deleted"
            + " row's key again fails until that row is purged",
        "          fix: a deletion token: a marker column 0 while live and the row's id once deleted"
            + " (column=deleted_token, liveValue=0, deletedValue=id), and UNIQUE (email, deleted_token) instead of"
            + " accounts_email (docs/unique-keys.md)",
        "  problem foreign key orders_account: ON DELETE CASCADE from orders does not fire for a soft delete: when a"
            + " row of accounts is deleted, its rows in orders stay live",
        "          fix: declare cascade=orders.account_id->accounts.id (or cascade=detect, which derives it from this key)",
        "",
        "what the schema's ON DELETE CASCADE did, for soft deletes (with the cascades already declared):",
        "  cascade=orders.account_id->accounts.id",
        "  (as an agent option, colons between them: cascade=orders.account_id->accounts.id)");
  }

  // the example of docs/check-and-doctor.md, run as it is written there
  @Test
  void shouldPrintWhatTheDocsShowForTheShopSchema() throws IOException {
    Child child = Child.run(List.of(Child.JAVA, "-cp", Child.AGENT_JAR + File.pathSeparator + h2(),
        "io.github.softdelete.agent.Main", "doctor", "--url",
        "jdbc:h2:mem:shop;INIT=RUNSCRIPT FROM 'src/test/resources/doctor/shop.sql'", "--user", "sa"));

    assertThat(child.exitCode()).isEqualTo(1);
    assertThat(Files.readString(Path.of("../docs/check-and-doctor.md")))
        .contains("```\n" + String.join("\n", child.lines()) + "\n```");
  }

  @Test
  void shouldPassOnceTheCascadeIsDeclaredAndTheKeyIsAToken() throws IOException {
    String url = "jdbc:h2:mem:doctor_fixed;INIT="
        + "CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(50) NOT NULL, deleted_token INT DEFAULT 0 NOT NULL)\\;"
        + "CREATE UNIQUE INDEX accounts_email ON accounts (email, deleted_token)";

    Child child = Child.run(List.of(Child.JAVA, "-cp", Child.AGENT_JAR + File.pathSeparator + h2(),
        "io.github.softdelete.agent.Main", "doctor", "--url", url, "--user", "sa",
        "column=deleted_token,liveValue=0,deletedValue=id"));

    assertThat(child.exitCode()).as(child.text()).isZero();
    assertThat(child.lines()).containsExactly("softdelete doctor: H2, 1 soft table: accounts", "  0 problems, 0 notes");
  }
}
