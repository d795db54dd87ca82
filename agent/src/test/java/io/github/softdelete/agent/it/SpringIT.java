package io.github.softdelete.agent.it;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mybatis-spring fixture: SqlSessionFactoryBean and mapper scanning in a plain Spring context. */
class SpringIT {
  private static Child runApp(String... jvmOptions) {
    List<String> command = new ArrayList<>(List.of(Child.JAVA));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", Child.fixtureClasspath("spring"), "io.github.softdelete.fixture.spring.SpringApp"));
    return Child.run(command).assertSucceeded();
  }

  @Test
  void shouldReallyDeleteWithoutTheAgent() {
    Scenario.assertPlainDeletes(runApp());
  }

  @Test
  void shouldSoftDeleteWithTheAgent() {
    Child child = runApp(Child.agent(null));

    Scenario.assertActivated(child);
    Scenario.assertSoftDeletes(child);
    Scenario.assertRewrittenOnce(child);
  }
}
