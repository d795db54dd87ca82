package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An application that soft-deleted by hand before softdelete (the {@code handmade} fixture: a {@code deleted_at}
 * timestamp, an {@code is_deleted} 0/1 flag and a {@code del_flag} '0'/'2' character, each table with its own
 * trash, restore, hand-written delete and whole-row update) must see exactly what it saw before wherever its SQL
 * handles deleted rows itself, with the plugin and with the agent, on each database; only the statements that
 * forgot deleted rows change: they stop seeing them, and its one real DELETE keeps the row.
 */
class HandMadeApplicationIT {
  private static final String APP = "io.github.softdelete.fixture.handmade.HandMadeApp";
  private static final String OPTIONS = "tables=hm_users:hm_orders:hm_dept,column=deleted_at:is_deleted:del_flag,"
      + "table.hm_dept.liveValue='0',table.hm_dept.deletedValue='2'";

  /** What the application's own handling of deleted rows shows, with softdelete or without. */
  private static final List<String> ITS_OWN = List.of(
      "users: [alice, bob]",
      "user trash: [carol]",
      "deleted user renamed, whole row written: 1",
      "user trash after rename: [caroline]",
      "user restored: 1",
      "users after restore: [alice, bob, caroline]",
      "user deleted by hand: 1",
      "users after delete by hand: [alice, caroline]",
      "user trash after delete by hand: [bob]",
      "orders of alice: [book]",
      "order trash: [pen]",
      "order deleted by flag: 1",
      "order trash after flag: [pen, lamp]",
      "order deleted: 1",
      "orders of alice after delete: []",
      "departments: [head office, sales, research]",
      "department deleted by hand: 1",
      "departments after delete: [head office, research]",
      "name 'sales' taken: false",
      "department restored: 1",
      "departments after restore: [head office, sales, research]",
      "users in table: [alice:live, bob:deleted, caroline:live]",
      "departments in table: [head office:0, sales:0, old unit:2, research:0]");

  /** The statements that forgot deleted rows, as the application ran them before. */
  private static final List<String> FORGOTTEN_BEFORE = List.of(
      "all users counted: 3",
      "orders with live users: [alice/book, alice/pen, caroline/desk]",
      "children of head office: [sales, old unit, research]",
      "orders in table: [pen:1, lamp:1, desk:0]");

  /** The same with softdelete: deleted rows hidden, the DELETE a flag. */
  private static final List<String> FORGOTTEN_WITH_SOFTDELETE = List.of(
      "all users counted: 2",
      "orders with live users: [alice/book, caroline/desk]",
      "children of head office: [sales, research]",
      "orders in table: [book:1, pen:1, lamp:1, desk:0]");

  enum Database {
    H2("org.h2.Driver", "jdbc:h2:mem:handmade;DB_CLOSE_DELAY=-1", "sa", null),
    POSTGRESQL("org.postgresql.Driver", "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5&currentSchema=handmade",
        "postgres", "CREATE SCHEMA IF NOT EXISTS handmade"),
    MARIADB("org.mariadb.jdbc.Driver", "jdbc:mariadb://127.0.0.1:3306/handmade?connectTimeout=5000", "root",
        "CREATE DATABASE IF NOT EXISTS handmade");

    final String driver;
    final String url;
    final String user;
    final String setUp;

    Database(String driver, String url, String user, String setUp) {
      this.driver = driver;
      this.url = url;
      this.user = user;
      this.setUp = setUp;
    }

    /** Creates the schema (or database) the application's tables live in; skips when the server is missing. */
    void prepare() {
      if (setUp == null) {
        return;
      }
      String serverUrl = this == MARIADB ? url.replace("/handmade?", "/test?") : url;
      try (Connection connection = Servers.connect(name(), serverUrl, user);
          Statement statement = connection.createStatement()) {
        statement.execute(setUp);
      } catch (SQLException e) {
        throw new IllegalStateException("could not prepare " + name() + ": " + setUp, e);
      }
    }
  }

  private static Child run(Database database, List<String> jvmOptions, String classpath, String config) {
    database.prepare();
    List<String> command = new ArrayList<>(List.of(Child.JAVA));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, APP, config, database.driver, database.url, database.user, ""));
    return Child.run(command).assertSucceeded();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void shouldRunAsItAlwaysDidWithoutSoftdelete(Database database) {
    Child child = run(database, List.of(), Child.fixtureClasspath("handmade"), "mybatis-config.xml");

    assertThat(child.lines()).as(child.text()).containsAll(ITS_OWN).containsAll(FORGOTTEN_BEFORE);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void shouldKeepItsOwnHandlingAndFilterWhatItForgotWithThePlugin(Database database) {
    String classpath = Child.fixtureClasspath("handmade") + File.pathSeparator
        + System.getProperty("it.pluginClasspath");

    Child child = run(database, List.of(), classpath, "mybatis-config-plugin.xml");

    assertThat(child.lines()).as(child.text()).containsAll(ITS_OWN).containsAll(FORGOTTEN_WITH_SOFTDELETE);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void shouldKeepItsOwnHandlingAndFilterWhatItForgotWithTheAgent(Database database) {
    Child child = run(database, List.of(Child.agent(OPTIONS)), Child.fixtureClasspath("handmade"),
        "mybatis-config.xml");

    assertThat(child.lines()).as(child.text()).containsAll(ITS_OWN).containsAll(FORGOTTEN_WITH_SOFTDELETE);
    Scenario.assertActivated(child);
  }
}
