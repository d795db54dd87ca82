package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent never takes an application down: without MyBatis, or with a MyBatis it does not know. */
class RobustnessIT {
  @TempDir
  Path dir;

  @Test
  void shouldLetAnApplicationWithoutMyBatisRun() {
    Path source = Child.write(dir, "Hello.java", """
        public class Hello {
          public static void main(String[] args) {
            System.out.println("hello");
          }
        }
        """);

    Child child = Child.run(List.of(Child.JAVA, Child.agent(null), source.toString())).assertSucceeded();

    assertThat(child.lines()).contains("hello");
    Scenario.assertActivated(child);
  }

  @Test
  void shouldSayWhenItCannotHookAnUnknownMyBatisAndLetTheApplicationRun() {
    // a class with MyBatis's name but without pluginAll(Object), as a MyBatis of another shape would be
    Path source = Child.write(dir, "InterceptorChain.java", """
        package org.apache.ibatis.plugin;

        public class InterceptorChain {
          public Object pluginAll(Object target, Object other) {
            return target;
          }

          public static void main(String[] args) {
            System.out.println("ran " + new InterceptorChain().pluginAll("x", null));
          }
        }
        """);

    Child child = Child.run(List.of(Child.JAVA, Child.agent(null), source.toString())).assertSucceeded();

    assertThat(child.lines()).contains("ran x");
    assertThat(child.lines()).anySatisfy(l -> assertThat(l)
        .startsWith("softdelete-agent: org.apache.ibatis.plugin.InterceptorChain in ")
        .endsWith(" has no public pluginAll(Object): a MyBatis this agent does not know; soft deletes are not "
            + "active for it"));
  }
}
