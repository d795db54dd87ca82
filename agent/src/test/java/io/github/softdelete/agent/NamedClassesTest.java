package io.github.softdelete.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The agent reaches the library's classes, its own hidden ones and MyBatis's by name, where the compiler cannot
 * see: a rename or a move (as when purge left {@code internal}) must fail here, not in an application.
 */
class NamedClassesTest {
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*\\b");
  private static final Pattern CLASS_FILE = Pattern.compile("\\b(?:[a-z][a-z0-9_]*/){2,}[A-Z][A-Za-z0-9_$]*\\.class\\b");
  private static final Pattern POM_CLASS = Pattern.compile("<agent\\.(?:entryClass|mainClass)>([^<]+)<");

  @Test
  void shouldResolveEveryClassTheAgentNamesInAString() throws IOException {
    TreeSet<String> names = new TreeSet<>();
    TreeSet<String> resources = new TreeSet<>();
    for (Path file : sources(Path.of("src/main/java"))) {
      Matcher literal = LITERAL.matcher(Files.readString(file));
      while (literal.find()) {
        CLASS_NAME.matcher(literal.group(1)).results().forEach(m -> names.add(m.group()));
        CLASS_FILE.matcher(literal.group(1)).results().forEach(m -> resources.add(m.group()));
      }
    }
    POM_CLASS.matcher(Files.readString(Path.of("pom.xml"))).results().forEach(m -> names.add(m.group(1)));
    // the ones the agent cannot work without must be among those found, or the scan itself is broken
    assertThat(names).contains(InnerClasses.PURGE, InnerClasses.CHECK, InnerClasses.DOCTOR,
        InnerClasses.EXPLAINER, InnerClasses.OPTIONS, Hooks.CHAIN_HOOK,
        ChainTransformer.INTERCEPTOR_CHAIN, SoftDeleteAgent.class.getName(), Main.class.getName());

    List<String> unresolved = new ArrayList<>();
    for (String name : names) {
      try {
        Class.forName(name, false, getClass().getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        unresolved.add(name);
      }
    }
    for (String resource : resources) {
      if (getClass().getClassLoader().getResource(resource) == null) {
        unresolved.add(resource);
      }
    }

    assertThat(unresolved).as("named in the agent's sources, found nowhere").isEmpty();
  }

  @Test
  void shouldFindTheShapeTheAgentCallsByReflection() throws ReflectiveOperationException {
    Method run = Class.forName(InnerClasses.PURGE)
        .getMethod("run", String[].class, PrintStream.class, PrintStream.class, boolean.class);
    assertThat(Modifier.isStatic(run.getModifiers())).isTrue();
    assertThat(run.getReturnType()).isEqualTo(int.class);
    for (String command : List.of(InnerClasses.CHECK, InnerClasses.DOCTOR)) {
      Method main = Class.forName(command)
          .getMethod("run", Properties.class, String[].class, PrintStream.class, PrintStream.class);
      assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
      assertThat(main.getReturnType()).isEqualTo(int.class);
    }

    assertThat(BiFunction.class.isAssignableFrom(Class.forName(InnerClasses.EXPLAINER))).isTrue();
    assertThat(Class.forName(InnerClasses.EXPLAINER).getConstructor()).isNotNull();
    assertThat(Function.class.isAssignableFrom(Class.forName(InnerClasses.OPTIONS))).isTrue();
    assertThat(Class.forName(InnerClasses.OPTIONS).getConstructor()).isNotNull();
    assertThat(BiFunction.class.isAssignableFrom(Class.forName(Hooks.CHAIN_HOOK))).isTrue();
    assertThat(Class.forName(Hooks.CHAIN_HOOK).getConstructor(Properties.class)).isNotNull();
    // the method the agent's transformer hooks
    assertThat(Class.forName(ChainTransformer.INTERCEPTOR_CHAIN).getMethod("pluginAll", Object.class).getReturnType())
        .isEqualTo(Object.class);
  }

  private static List<Path> sources(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }
}
