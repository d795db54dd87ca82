package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar softdelete-agent.jar check}: mapper XML checked without the application, as a CI gate, in a
 * child JVM with nothing but the agent jar (its own hidden MyBatis) or with the application's MyBatis beside it.
 */
class CheckCommandIT {
  private static final Path SHOP = Path.of("src/test/resources/check/ShopMapper.xml");
  private static final Path DEMO_MAPPERS = Path.of("../demo/src/main/resources");
  private static final String REFUSED = "  com.shop.UserMapper.truncateUsers (" + SHOP + ")";

  private static Child check(String... args) {
    List<String> command = new ArrayList<>(List.of(Child.JAVA, "-jar", Child.AGENT_JAR.toString(), "check"));
    command.addAll(List.of(args));
    return Child.run(command);
  }

  @Test
  void shouldFailWithTheRefusedStatementItsReasonAndSql() {
    Child child = check("tables=users", SHOP.toString());

    assertThat(child.exitCode()).as(child.text()).isEqualTo(1);
    assertThat(child.lines()).startsWith(
        "read 1 mapper file (stand-ins for 3 of the application's classes)",
        "softdelete check: 4 statements on offline, soft tables: users",
        "  3 rewritten, 1 refused in the default mode; 3 refusals in other modes; 1 dynamic, 0 of them partly checked",
        "",
        "default          statement                         kind    checked     notes");
    assertThat(child.lines()).contains(
        "refused          com.shop.UserMapper.truncateUsers delete  exact       refused in include-deleted,"
            + " only-deleted, undelete",
        "rewritten        com.shop.UserMapper.search        select  2 shapes",
        "refused in the default mode:", REFUSED,
        "    table 'users': TRUNCATE would erase every row, soft-deleted or not; run it inside HardDelete.run(...)"
            + " if that is intended",
        "    SQL: TRUNCATE TABLE users");
  }

  // the example of README and docs/check-and-doctor.md, as they show it (run from the project's root there)
  @Test
  void shouldPrintWhatTheReadmeAndTheDocsShow() throws IOException {
    Child child = check("tables=users", SHOP.toString());

    String shown = "```\n" + String.join("\n", child.lines()).replace(SHOP.toString(), "agent/" + SHOP) + "\n```";
    assertThat(Files.readString(Path.of("../README.md"))).contains(shown);
    assertThat(Files.readString(Path.of("../docs/check-and-doctor.md"))).contains(shown);
  }

  @Test
  void shouldPassWhenTheStatementMeantForHardDeleteIsExcepted() {
    Child child = check("tables=users", "--except", "com.shop.UserMapper.truncateUsers", SHOP.toString());

    assertThat(child.exitCode()).as(child.text()).isZero();
    assertThat(child.text()).contains("excepted");
  }

  @Test
  void shouldWriteTheWholeReportAsJson() {
    Child child = check("tables=users", "--json", SHOP.toString());

    assertThat(child.exitCode()).isEqualTo(1);
    assertThat(child.text()).startsWith("{").endsWith("}")
        .contains("\"files\": [\"" + SHOP + "\"]", "\"refused\": 1,")
        .contains("\"default\": {\"outcome\": \"rewritten\", \"runs\": [\"UPDATE users SET deleted_at ="
            + " CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NULL\"], \"note\": null}");
  }

  // the application's own MyBatis on the class path is the one that reads its mappers
  @Test
  void shouldUseTheMyBatisOnTheClassPathWhenThereIsOne() throws IOException {
    String myBatis;
    try (var jars = Files.list(Child.FIXTURES.resolve("plain/target/lib"))) {
      myBatis = jars.filter(jar -> jar.getFileName().toString().startsWith("mybatis-")).findFirst().orElseThrow()
          .toString();
    }
    Child child = Child.run(List.of(Child.JAVA, "-cp", Child.AGENT_JAR + File.pathSeparator + myBatis,
        "io.github.softdelete.agent.Main", "check", "tables=users", SHOP.toString()));

    assertThat(child.exitCode()).as(child.text()).isEqualTo(1);
    assertThat(child.lines()).contains(REFUSED);
  }

  // a real mapper set: the demo's, with the demo's own configuration (who deleted, a cascade)
  @Test
  void shouldPassTheDemosMappersWithTheDemosConfiguration() {
    Child child = check("tables=users:documents:attachments,deletedByColumn=deleted_by,"
        + "deleteReasonColumn=delete_reason,cascade=attachments.document_id->documents.id", DEMO_MAPPERS.toString());

    assertThat(child.exitCode()).as(child.text()).isZero();
    assertThat(child.lines()).startsWith(
        "read 1 mapper file (stand-ins for 4 of the application's classes)",
        "softdelete check: 5 statements on offline, soft tables: attachments, documents, users",
        "  5 rewritten in the default mode");
    assertThat(child.text()).doesNotContain("refused");
  }

  @Test
  void shouldNeedTablesToCheckWithoutADatabase() {
    Child child = check(SHOP.toString());

    assertThat(child.exitCode()).isEqualTo(2);
    assertThat(child.lines()).first().isEqualTo("softdelete: a check without a database needs the option tables=..."
        + " (with no database there is no column 'deleted_at' to detect soft tables by)");
  }

  @Test
  void shouldNameABadOption() {
    Child child = check("tables=users,liveValue=0;", SHOP.toString());

    assertThat(child.exitCode()).isEqualTo(2);
    assertThat(child.lines()).first().isEqualTo("softdelete: property 'liveValue' has value '0;': comments and"
        + " semicolons are not allowed in a SQL expression");
  }
}
