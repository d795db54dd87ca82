package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar softdelete-agent.jar attach <pid>} into a running fixture whose SqlSessionFactory was built,
 * and used, before the attach.
 */
class AttachIT {
  private static final String APP = "io.github.softdelete.fixture.plain.PlainApp";

  @TempDir
  Path dir;

  private static Child waitingApp() {
    Child app = Child.start(List.of(Child.JAVA, "-cp", Child.fixtureClasspath("plain"), APP, "--wait"));
    app.awaitLine("ready");
    assertThat(app.lines()).contains("before: users: [alice, bob, carol]");
    return app;
  }

  private static Child attach(long pid, String... options) {
    List<String> command = new ArrayList<>(List.of(Child.JAVA, "-jar", Child.AGENT_JAR.toString(), "attach",
        Long.toString(pid)));
    command.addAll(List.of(options));
    return Child.run(command);
  }

  @Test
  void shouldSoftDeleteInAFactoryBuiltBeforeTheAttach() {
    try (Child app = waitingApp()) {
      Child attach = attach(app.pid()).assertSucceeded();
      app.send("go");
      app.awaitExit().assertSucceeded();

      assertThat(attach.text()).contains("softdelete-agent: loaded into JVM " + app.pid());
      Scenario.assertActivated(app);
      Scenario.assertSoftDeletes(app);
      Scenario.assertRewrittenOnce(app);
    }
  }

  @Test
  void shouldTakeOptionsWhenAttaching() {
    try (Child app = waitingApp()) {
      attach(app.pid(), "tables=users,mode=observe").assertSucceeded();
      app.send("go");
      app.awaitExit().assertSucceeded();

      assertThat(app.text()).contains(" active: column=deleted_at, tables=users,").contains("mode=observe");
      Scenario.assertPlainDeletes(app);
      assertThat(app.linesStartingWith("softdelete (observe)")).hasSize(2);
    }
  }

  @Test
  void shouldBeHarmlessToAttachTwice() {
    try (Child app = waitingApp()) {
      attach(app.pid()).assertSucceeded();
      attach(app.pid(), "tables=notes").assertSucceeded();
      app.send("go");
      app.awaitExit().assertSucceeded();

      assertThat(app.linesStartingWith("softdelete-agent")).hasSize(2)
          .contains("softdelete-agent: already active; nothing changed (options 'tables=notes' ignored)");
      Scenario.assertSoftDeletes(app);
      Scenario.assertRewrittenOnce(app);
    }
  }

  @Test
  void shouldSayWhenTheJvmHasNoMyBatisAndLetItRunOn() {
    Path source = Child.write(dir, "Waiter.java", """
        public class Waiter {
          public static void main(String[] args) throws Exception {
            System.out.println("ready");
            System.out.flush();
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
            System.out.println("still running");
          }
        }
        """);
    try (Child app = Child.start(List.of(Child.JAVA, source.toString()))) {
      app.awaitLine("ready");
      attach(app.pid()).assertSucceeded();
      app.send("go");
      app.awaitExit().assertSucceeded();

      assertThat(app.lines()).contains("softdelete-agent: no MyBatis loaded in this JVM yet; it is hooked when it "
          + "loads", "still running");
    }
  }

  @Test
  void shouldFailClearlyForAJvmThatDoesNotExist() {
    Child attach = attach(Long.MAX_VALUE);

    assertThat(attach.exitCode()).isEqualTo(1);
    assertThat(attach.text()).startsWith("softdelete-agent: cannot attach to JVM " + Long.MAX_VALUE + ": ");
  }
}
