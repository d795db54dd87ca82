package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code java -jar softdelete-agent.jar [command]}. */
class CommandLineIT {
  private static Child agentJar(String... args) {
    List<String> command = new ArrayList<>(List.of(Child.JAVA, "-jar", Child.AGENT_JAR.toString()));
    command.addAll(List.of(args));
    return Child.run(command);
  }

  @Test
  void shouldPrintUsageAndAttachableJvmsWithoutArguments() {
    try (Child other = Child.start(List.of(Child.JAVA, "-cp", Child.fixtureClasspath("plain"),
        "io.github.softdelete.fixture.plain.PlainApp", "--wait"))) {
      other.awaitLine("ready");

      Child child = agentJar().assertSucceeded();

      assertThat(child.lines()).contains(
          "  java -javaagent:softdelete-agent.jar[=options] -jar app.jar",
          "JVMs to attach to:");
      assertThat(child.text()).contains("java -jar softdelete-agent.jar attach <pid> [options]")
          .contains("java -jar softdelete-agent.jar explain [options] \"<sql>\"")
          .contains("java -jar softdelete-agent.jar check [options] [--json] <mapper XML files or folders>")
          .contains("  " + other.pid() + "  io.github.softdelete.fixture.plain.PlainApp --wait");
    }
  }

  @Test
  void shouldRejectAnUnknownCommand() {
    Child child = agentJar("purgee");

    assertThat(child.exitCode()).isEqualTo(2);
    assertThat(child.lines()).first().isEqualTo("softdelete-agent: unknown command 'purgee'");
  }

  @Test
  void shouldExplainADeleteInEveryMode() {
    Child child = agentJar("explain", "tables=users", "DELETE FROM users WHERE id = 1").assertSucceeded();

    assertThat(child.lines()).containsExactly(
        "default:         UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = 1) AND deleted_at IS NULL",
        "include-deleted: UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = 1) AND deleted_at IS NULL",
        "only-deleted:    UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = 1) AND deleted_at IS NULL",
        "hard-delete:     DELETE FROM users WHERE id = 1   (unchanged)",
        "undelete:        UPDATE users SET deleted_at = NULL WHERE (id = 1) AND deleted_at IS NOT NULL");
  }

  @Test
  void shouldExplainWhyAStatementIsRefused() {
    Child child = agentJar("explain", "tables=users", "TRUNCATE TABLE users").assertSucceeded();

    assertThat(child.lines()).first().asString().startsWith("default:         refused: table 'users': ");
    assertThat(child.lines()).contains("hard-delete:     TRUNCATE TABLE users   (unchanged)");
  }

  // the walk over every node of the tree must know JSqlParser's package under its relocated name
  @Test
  void shouldFindASoftTableDeepInAnExpressionWithRelocatedJSqlParser() {
    Child child = agentJar("explain", "tables=users:orders",
        "SELECT id, CASE WHEN EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id) THEN 1 ELSE 0 END FROM users u")
        .assertSucceeded();

    assertThat(child.lines()).first().asString()
        .contains("FROM orders o WHERE (o.user_id = u.id) AND o.deleted_at IS NULL")
        .contains("u.deleted_at IS NULL");
  }

  @Test
  void shouldExplainInsideAScopeOfTables() {
    Child child = agentJar("explain", "tables=users:orders,includeDeleted=users",
        "SELECT o.id, u.name FROM orders o JOIN users u ON u.id = o.user_id").assertSucceeded();

    assertThat(child.lines()).startsWith("in IncludeDeleted.tables(users):",
        "default:         SELECT o.id, u.name FROM orders o JOIN users u ON u.id = o.user_id"
            + " WHERE o.deleted_at IS NULL");
  }

  @Test
  void shouldNeedTablesToExplain() {
    Child child = agentJar("explain", "SELECT * FROM users");

    assertThat(child.exitCode()).isEqualTo(2);
    assertThat(child.lines()).containsExactly("softdelete-agent: explain needs the option tables=... (with no "
        + "database there is no column 'deleted_at' to detect soft tables by)");
  }

  @Test
  void shouldNameABadOptionOfExplain() {
    Child child = agentJar("explain", "tables=users,liveValue=0;", "SELECT * FROM users");

    assertThat(child.exitCode()).isEqualTo(2);
    assertThat(child.lines()).containsExactly("softdelete-agent: property 'liveValue' has value '0;': comments and "
        + "semicolons are not allowed in a SQL expression");
  }

  // the driver alone beside the agent jar: no MyBatis on the class path, cascades read all the same
  @Test
  void shouldPurgeChildrenFirstWithoutMyBatisOnTheClassPath() throws java.io.IOException {
    String url = "jdbc:h2:mem:purge_cascade;INIT=CREATE TABLE docs (id INT PRIMARY KEY, deleted_at TIMESTAMP)\\;"
        + "CREATE TABLE notes (id INT PRIMARY KEY, doc_id INT REFERENCES docs(id), deleted_at TIMESTAMP)\\;"
        + "INSERT INTO docs VALUES (1, TIMESTAMP '2020-01-01 00:00:00')\\;"
        + "INSERT INTO notes VALUES (10, 1, TIMESTAMP '2020-01-01 00:00:00')";
    String h2;
    try (var jars = java.nio.file.Files.list(Child.FIXTURES.resolve("plain/target/lib"))) {
      h2 = jars.filter(jar -> jar.getFileName().toString().startsWith("h2-")).findFirst().orElseThrow().toString();
    }
    Child child = Child.run(List.of(Child.JAVA, "-cp", Child.AGENT_JAR + java.io.File.pathSeparator + h2,
        "io.github.softdelete.agent.Main", "purge", "--url", url, "--user", "sa", "--tables", "docs,notes",
        "--older-than", "30d", "--cascade", "notes.doc_id->docs.id")).assertSucceeded();

    assertThat(child.lines()).last().asString().endsWith(": notes 1 (1 batch), docs 1 (1 batch)");
  }

  @Test
  void shouldPurgeThroughTheAgentJarWithTheDriverOnTheClassPath() {
    // an H2 database made by its URL: two rows deleted in 2020, one live
    String url = "jdbc:h2:mem:purge;INIT=CREATE TABLE docs (id INT PRIMARY KEY, deleted_at TIMESTAMP)\\;"
        + "INSERT INTO docs VALUES (1, NULL), (2, TIMESTAMP '2020-01-01 00:00:00'), (3, TIMESTAMP '2020-01-02 00:00:00')";
    Child child = Child.run(List.of(Child.JAVA, "-cp",
        Child.AGENT_JAR + java.io.File.pathSeparator + Child.fixtureClasspath("plain"),
        "io.github.softdelete.agent.Main", "purge", "--url", url, "--user", "sa", "--tables", "docs",
        "--older-than", "30d")).assertSucceeded();

    assertThat(child.lines()).last().asString().startsWith("purged 2 rows deleted before ")
        .endsWith(": docs 2 (1 batch)");
  }

  // per-table markers, read by the same keys as the agent's options: orders flags is_deleted 0/1 beside deleted_at
  @Test
  void shouldPurgeATableByItsOwnMarkerFromConfigurationKeysWithoutMyBatis() throws java.io.IOException {
    String url = "jdbc:h2:mem:purge_own_marker;INIT=CREATE TABLE docs (id INT PRIMARY KEY, deleted_at TIMESTAMP)\\;"
        + "CREATE TABLE orders (id INT PRIMARY KEY, is_deleted INT NOT NULL, deleted_at TIMESTAMP)\\;"
        + "INSERT INTO docs VALUES (1, NULL), (2, TIMESTAMP '2020-01-01 00:00:00')\\;"
        + "INSERT INTO orders VALUES (1, 0, NULL), (2, 1, TIMESTAMP '2020-01-01 00:00:00'),"
        + " (3, 0, TIMESTAMP '2020-01-01 00:00:00')";
    List<String> purge = List.of(Child.JAVA, "-cp", Child.AGENT_JAR + java.io.File.pathSeparator + h2Jar(),
        "io.github.softdelete.agent.Main", "purge", "--url", url, "--user", "sa", "--tables", "docs,orders",
        "--older-than", "30d", "--table.orders.column", "is_deleted", "--table.orders.liveValue", "0",
        "--table.orders.deletedAtColumn", "deleted_at");

    Child child = Child.run(purge).assertSucceeded();

    // orders 3 is live by its flag, whatever its deleted_at says: only 2 goes
    assertThat(child.lines()).last().asString().endsWith(": docs 1 (1 batch), orders 1 (1 batch)");
  }

  @Test
  void shouldNameABadConfigurationKeyOfPurge() throws java.io.IOException {
    Child child = Child.run(List.of(Child.JAVA, "-cp", Child.AGENT_JAR + java.io.File.pathSeparator + h2Jar(),
        "io.github.softdelete.agent.Main", "purge", "--url", "jdbc:h2:mem:x", "--tables", "orders", "--older-than",
        "30d", "--table.orders.colum", "is_deleted"));

    assertThat(child.exitCode()).isEqualTo(2);
    assertThat(child.lines()).first().isEqualTo("softdelete: unknown property 'table.orders.colum'; per-table keys"
        + " are table.<table or schema.table>.<attribute>, attributes: column, liveValue, deletedValue,"
        + " deletedByColumn, deleteReasonColumn, onDeleteSet, onRestoreSet");
  }

  private static String h2Jar() throws java.io.IOException {
    try (var jars = java.nio.file.Files.list(Child.FIXTURES.resolve("plain/target/lib"))) {
      return jars.filter(jar -> jar.getFileName().toString().startsWith("h2-")).findFirst().orElseThrow().toString();
    }
  }
}
