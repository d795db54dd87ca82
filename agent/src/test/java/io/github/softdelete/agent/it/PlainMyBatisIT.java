package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain fixture: SqlSessionFactoryBuilder with mybatis-config.xml, MyBatis on the class path. */
class PlainMyBatisIT {
  private static final String APP = "io.github.softdelete.fixture.plain.PlainApp";

  @TempDir
  Path dir;

  private static Child runApp(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>(List.of(Child.JAVA));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", Child.fixtureClasspath("plain"), APP));
    command.addAll(List.of(args));
    return Child.run(command).assertSucceeded();
  }

  @Test
  void shouldReallyDeleteWithoutTheAgent() {
    Child child = runApp(List.of());

    Scenario.assertPlainDeletes(child);
    assertThat(child.linesStartingWith("softdelete")).isEmpty();
  }

  @Test
  void shouldSoftDeleteWithTheAgentAndNoOptions() {
    Child child = runApp(List.of(Child.agent(null)));

    Scenario.assertSoftDeletes(child);
    Scenario.assertRewrittenOnce(child);
    assertThat(child.linesStartingWith("softdelete-agent")).singleElement().asString()
        .matches("softdelete-agent \\S+ active: column=deleted_at, tables=\\(detect\\), liveValue=\\(by type\\), "
            + "deletedValue=\\(by type\\), cacheSize=10000, onUnparseableSelect=fail, parseTimeoutMillis=5000, mode=enforce");
  }

  @Test
  void shouldTakeColumnAndTablesFromAgentOptions() {
    Child child = runApp(List.of(Child.agent("column=deleted_at,tables=users:orders")));

    Scenario.assertSoftDeletes(child);
    assertThat(child.text()).contains(" active: column=deleted_at, tables=users:orders,");
  }

  @Test
  void shouldTakeOptionsFromSystemProperties() {
    Child child = runApp(List.of("-Dsoftdelete.tables=users", Child.agent(null)));

    Scenario.assertSoftDeletes(child);
    assertThat(child.text()).contains(" active: column=deleted_at, tables=users,");
  }

  @Test
  void shouldPreferAgentOptionsOverSystemProperties() {
    // notes as the only soft table would leave users to be really deleted
    Child child = runApp(List.of("-Dsoftdelete.tables=notes", Child.agent("tables=users")));

    Scenario.assertSoftDeletes(child);
  }

  @Test
  void shouldReadAPropertiesFileNamedByConfig() {
    Path file = Child.write(dir, "softdelete.properties", "tables=users\ndeletedValue=TIMESTAMP '2030-01-01 00:00:00'\n");

    Child child = runApp(List.of(Child.agent("config=" + file)));

    Scenario.assertSoftDeletes(child);
    assertThat(child.text()).contains("tables=users, liveValue=NULL, deletedValue=TIMESTAMP '2030-01-01 00:00:00',");
  }

  @Test
  void shouldNameABadOptionAndLetTheApplicationRunWithoutSoftDeletes() {
    Child child = runApp(List.of(Child.agent("column=deleted at")));

    Scenario.assertPlainDeletes(child);
    assertThat(child.linesStartingWith("softdelete-agent")).containsExactly(
        "softdelete-agent: not activated: property 'column' has value 'deleted at': not a SQL identifier");
  }

  @Test
  void shouldNameAnUnknownOption() {
    Child child = runApp(List.of(Child.agent("colour=red")));

    Scenario.assertPlainDeletes(child);
    assertThat(child.linesStartingWith("softdelete-agent")).containsExactly(
        "softdelete-agent: not activated: unknown property 'colour'; known properties: column, tables, liveValue, "
            + "deletedValue, cacheSize, onUnparseableSelect, parseTimeoutMillis, mode, deletedByColumn, "
            + "deleteReasonColumn, deletedBySupplier, cascade, restrict, explicitMarker, onDeleteSet, onRestoreSet, "
            + "restoreAudit, verifyOnStartup");
  }

  @Test
  void shouldNameAnOptionWithoutValue() {
    Child child = runApp(List.of(Child.agent("tables")));

    Scenario.assertPlainDeletes(child);
    assertThat(child.linesStartingWith("softdelete-agent")).containsExactly(
        "softdelete-agent: not activated: option 'tables' is not key=value (options: "
            + "column=removed_at,tables=users:orders or config=<path>)");
  }

  @Test
  void shouldNameAConfigFileItCannotRead() {
    Path missing = dir.resolve("missing.properties");

    Child child = runApp(List.of(Child.agent("config=" + missing)));

    Scenario.assertPlainDeletes(child);
    assertThat(child.linesStartingWith("softdelete-agent")).singleElement().asString()
        .startsWith("softdelete-agent: not activated: option 'config' has value '" + missing + "': cannot read it");
  }

  @Test
  void shouldOnlyLogInObserveMode() {
    Child child = runApp(List.of(Child.agent("mode=observe")));

    Scenario.assertPlainDeletes(child);
    assertThat(child.text()).contains(" active: ").contains("mode=observe");
    assertThat(child.linesStartingWith("softdelete (observe)")).containsExactly(
        "softdelete (observe): statement 'io.github.softdelete.fixture.plain.UserMapper.names' would run as: "
            + "SELECT name FROM users WHERE users.deleted_at IS NULL ORDER BY id | instead of: "
            + "SELECT name FROM users ORDER BY id",
        "softdelete (observe): statement 'io.github.softdelete.fixture.plain.UserMapper.deleteUser' would run as: "
            + "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NULL | instead of: "
            + "DELETE FROM users WHERE id = ?");
  }

  @Test
  void shouldNotRewriteTwiceWhenTheApplicationRegistersThePluginItself() {
    Path config = Child.write(dir, "mybatis-config.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE configuration PUBLIC "-//mybatis.org//DTD Config 3.0//EN"
            "https://mybatis.org/dtd/mybatis-3-config.dtd">
        <configuration>
          <settings><setting name="logImpl" value="STDOUT_LOGGING"/></settings>
          <plugins><plugin interceptor="io.github.softdelete.mybatis.SoftDeleteInterceptor"/></plugins>
          <environments default="h2">
            <environment id="h2">
              <transactionManager type="JDBC"/>
              <dataSource type="POOLED">
                <property name="driver" value="org.h2.Driver"/>
                <property name="url" value="jdbc:h2:mem:fixture;DB_CLOSE_DELAY=-1"/>
                <property name="username" value="sa"/>
              </dataSource>
            </environment>
          </environments>
          <mappers><mapper resource="io/github/softdelete/fixture/plain/UserMapper.xml"/></mappers>
        </configuration>
        """);
    String classpath = Child.fixtureClasspath("plain") + File.pathSeparator + System.getProperty("it.pluginClasspath");

    // the agent observes: had it wrapped this configuration's executors too, it would log what it saw
    Child child = Child.run(List.of(Child.JAVA, Child.agent("mode=observe"), "-cp", classpath, APP,
        config.toString())).assertSucceeded();

    Scenario.assertActivated(child);
    Scenario.assertSoftDeletes(child);
    Scenario.assertRewrittenOnce(child);
    assertThat(child.linesStartingWith("softdelete (observe)")).isEmpty();
  }

  // the fixture's mapper and one more, with a TRUNCATE: what verifyOnStartup must find before anything runs
  private Path configWithTruncate() {
    return Child.write(dir, "mybatis-config.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE configuration PUBLIC "-//mybatis.org//DTD Config 3.0//EN"
            "https://mybatis.org/dtd/mybatis-3-config.dtd">
        <configuration>
          <settings><setting name="logImpl" value="STDOUT_LOGGING"/></settings>
          <environments default="h2">
            <environment id="h2">
              <transactionManager type="JDBC"/>
              <dataSource type="POOLED">
                <property name="driver" value="org.h2.Driver"/>
                <property name="url" value="jdbc:h2:mem:fixture;DB_CLOSE_DELAY=-1"/>
                <property name="username" value="sa"/>
              </dataSource>
            </environment>
          </environments>
          <mappers>
            <mapper resource="io/github/softdelete/fixture/plain/UserMapper.xml"/>
            <mapper url="%s"/>
          </mappers>
        </configuration>
        """.formatted(Path.of("src/test/resources/check/TruncateMapper.xml").toAbsolutePath().toUri()));
  }

  private static final String TRUNCATE_REFUSED = "  fixture.Maintenance.truncateUsers (default): table 'users': TRUNCATE"
      + " would erase every row, soft-deleted or not; run it inside HardDelete.run(...) if that is intended | SQL:"
      + " TRUNCATE TABLE users";

  @Test
  void shouldStopTheApplicationsStatementsWithVerifyOnStartupFail() {
    Child child = Child.run(List.of(Child.JAVA, Child.agent("verifyOnStartup=fail"), "-cp",
        Child.fixtureClasspath("plain"), APP, configWithTruncate().toString()));

    assertThat(child.exitCode()).as(child.text()).isNotZero();
    assertThat(child.text()).contains("softdelete: verifyOnStartup=fail: 1 of 4 mapped statements would be refused,"
        + " so no statement of this MyBatis configuration runs:\n" + TRUNCATE_REFUSED);
    // nothing reached the database: the first statement was stopped before it was prepared
    assertThat(child.lines()).noneMatch(l -> l.contains("Preparing:")).doesNotContain("users: [alice, bob]");
  }

  @Test
  void shouldLogWhatWouldBeRefusedAndRunWithVerifyOnStartupWarnFromASystemProperty() {
    Child child = runApp(List.of("-Dsoftdelete.verifyOnStartup=warn", Child.agent(null)), configWithTruncate()
        .toString());

    Scenario.assertSoftDeletes(child);
    assertThat(child.text()).contains("softdelete: verifyOnStartup=warn: 1 of 4 mapped statements would be refused:\n"
        + TRUNCATE_REFUSED);
    assertThat(child.text()).contains(" active: ").contains("verifyOnStartup=warn");
  }
}
