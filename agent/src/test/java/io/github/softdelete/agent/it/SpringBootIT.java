package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Spring Boot fixture, an executable jar built by spring-boot-maven-plugin: MyBatis is loaded by Boot's
 * nested-jar class loader, not by the system class loader that holds the agent. On the default JDK and on
 * JDK 25.
 */
class SpringBootIT {
  private static final Path BOOT_JAR = Child.FIXTURES.resolve("boot/target/softdelete-fixture-boot.jar");
  private static final Path JDK_25 = Path.of(System.getProperty("it.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

  private static Child runApp(String java, String... jvmOptions) {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", BOOT_JAR.toString()));
    return Child.run(command).assertSucceeded();
  }

  /** JDK 25's java; skips the test when it is not installed, except on CI, where it must be. */
  private static String java25() {
    Path java = JDK_25.resolve("bin/java");
    boolean present = Files.isExecutable(java);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("JDK 25 is required on CI and was not found at " + JDK_25);
    }
    assumeTrue(present, "JDK 25 not installed at " + JDK_25 + "; skipped");
    return java.toString();
  }

  @Test
  void shouldReallyDeleteWithoutTheAgent() {
    Scenario.assertPlainDeletes(runApp(Child.JAVA));
  }

  @Test
  void shouldSoftDeleteWithTheAgent() {
    Child child = runApp(Child.JAVA, Child.agent(null));

    Scenario.assertActivated(child);
    Scenario.assertSoftDeletes(child);
    Scenario.assertRewrittenOnce(child);
  }

  @Test
  void shouldSoftDeleteAfterAnAttachToARunningBootApplication() {
    try (Child app = Child.start(List.of(Child.JAVA, "-jar", BOOT_JAR.toString(), "--wait"))) {
      app.awaitLine("ready");
      Child.run(List.of(Child.JAVA, "-jar", Child.AGENT_JAR.toString(), "attach", Long.toString(app.pid())))
          .assertSucceeded();
      app.send("go");
      app.awaitExit().assertSucceeded();

      assertThat(app.lines()).contains("before: users: [alice, bob, carol]");
      Scenario.assertActivated(app);
      Scenario.assertSoftDeletes(app);
      Scenario.assertRewrittenOnce(app);
    }
  }

  @Test
  void shouldReallyDeleteWithoutTheAgentOnJdk25() {
    Scenario.assertPlainDeletes(runApp(java25()));
  }

  @Test
  void shouldSoftDeleteWithTheAgentOnJdk25() {
    Child child = runApp(java25(), Child.agent(null));

    Scenario.assertActivated(child);
    Scenario.assertSoftDeletes(child);
    Scenario.assertRewrittenOnce(child);
    // no --add-opens, and nothing on the JDK's own warning channel
    assertThat(child.lines()).noneMatch(l -> l.startsWith("WARNING:"));
  }

  @Test
  void shouldSoftDeleteAfterAnAttachOnJdk25() {
    String java = java25();
    try (Child app = Child.start(List.of(java, "-cp", Child.fixtureClasspath("plain"),
        "io.github.softdelete.fixture.plain.PlainApp", "--wait"))) {
      app.awaitLine("ready");
      Child.run(List.of(java, "-jar", Child.AGENT_JAR.toString(), "attach", Long.toString(app.pid())))
          .assertSucceeded();
      app.send("go");
      app.awaitExit().assertSucceeded();

      Scenario.assertActivated(app);
      Scenario.assertSoftDeletes(app);
      Scenario.assertRewrittenOnce(app);
    }
  }
}
