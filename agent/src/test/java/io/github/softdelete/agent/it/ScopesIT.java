package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scopes opened by the application's own softdelete-mybatis reach the interceptor the agent brought. */
class ScopesIT {
  private static final String CLASSPATH = String.join(File.pathSeparator, "target/test-classes",
      System.getProperty("it.pluginClasspath"), Child.fixtureClasspath("plain"));
  private static final List<String> STORY = List.of(
      "deleted: 1",
      "users: [bob]",
      "include-deleted: [alice, bob, carol]",
      "include-deleted users: [alice, bob, carol]",
      "include-deleted notes: [bob]",
      "captured on another thread: [alice, bob, carol]",
      "restored: 1",
      "users after undo: [alice, bob]");

  @Test
  void shouldSeeTheApplicationsScopesFromTheAgentsInterceptor() {
    Child child = Child.run(List.of(Child.JAVA, Child.agent(null), "-cp", CLASSPATH,
        ScopedApp.class.getName())).assertSucceeded();

    assertThat(child.lines()).containsAll(STORY);
  }

  // the application registers the plugin in code (as setPlugins and a Spring bean do): the agent stands aside
  @Test
  void shouldStandAsideWhenTheApplicationAddedTheInterceptorInCode() {
    Child child = Child.run(List.of(Child.JAVA, Child.agent("mode=observe"), "-cp", CLASSPATH,
        ScopedApp.class.getName(), "--own-plugin")).assertSucceeded();

    assertThat(child.lines()).containsAll(STORY);
    // had the observing agent wrapped these executors too, it would have logged what it saw
    assertThat(child.linesStartingWith("softdelete (observe)")).isEmpty();
  }
}
