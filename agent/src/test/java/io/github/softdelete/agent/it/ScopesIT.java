package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scopes opened by the application's own softdelete-mybatis reach the interceptor the agent brought. */
class ScopesIT {
  private static final String CLASSPATH = String.join(File.pathSeparator, "target/test-classes",
      System.getProperty("it.library", "../mybatis-plugin/target/classes"), Child.fixtureClasspath("plain"));

  @Test
  void shouldSeeTheApplicationsScopesFromTheAgentsInterceptor() {
    Child child = Child.run(List.of(Child.JAVA, Child.agent(null), "-cp", CLASSPATH,
        ScopedApp.class.getName())).assertSucceeded();

    assertThat(child.lines()).contains(
        "deleted: 1",
        "users: [bob]",
        "include-deleted: [alice, bob, carol]",
        "restored: 1",
        "users after undo: [alice, bob]");
  }
}
