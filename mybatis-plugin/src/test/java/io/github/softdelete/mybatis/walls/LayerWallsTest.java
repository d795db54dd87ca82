package io.github.softdelete.mybatis.walls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The walls between the layers, checked on the sources so that they hold without anyone watching: the MyBatis
 * glue ({@code internal}) is reached from this module only; the engine and what runs without MyBatis (the
 * factory and explain, the shared helpers, the purge) use no MyBatis type.
 */
class LayerWallsTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path PROJECT = MODULE.getParent();
  private static final Path MAIN = MODULE.resolve("src/main/java/io/github/softdelete/mybatis");
  private static final String INTERNAL = "io.github.softdelete.mybatis.internal";

  @Test
  void shouldReachTheMyBatisGlueFromThisModuleOnly() {
    assertThat(Files.exists(PROJECT.resolve("pom.xml")) && Files.isDirectory(PROJECT.resolve("benchmarks")))
        .as("run from the module directory, beside the other modules").isTrue();
    List<Path> sources = new ArrayList<>();
    for (Path file : JavaSources.under(PROJECT)) {
      if (!file.startsWith(MODULE)) {
        sources.add(file);
      }
    }
    // the benchmarks once reached into internal for the rewrite cache: they must be among the files read
    assertThat(sources).anyMatch(p -> p.endsWith("benchmarks/CacheMemory.java"))
        .anyMatch(p -> p.getFileName().toString().equals("Explainer.java"));

    List<String> reaching = new ArrayList<>();
    for (Path file : sources) {
      if (JavaSources.code(file).contains(INTERNAL)) {
        reaching.add(PROJECT.relativize(file).toString());
      }
    }

    assertThat(reaching).as("classes outside mybatis-plugin that use " + INTERNAL).isEmpty();
  }

  @Test
  void shouldUseNoMyBatisTypeInTheEngineTheFactoryTheHelpersOrThePurge() {
    List<String> offending = new ArrayList<>();
    int read = 0;
    for (String pkg : List.of("rewrite", "engine", "sql", "purge")) {
      for (Path file : JavaSources.under(MAIN.resolve(pkg))) {
        read++;
        String code = JavaSources.code(file);
        if (code.contains("org.apache.ibatis") || code.contains(INTERNAL)) {
          offending.add(pkg + "/" + file.getFileName());
        }
      }
    }

    assertThat(read).isGreaterThan(30);
    assertThat(offending).as("files that use MyBatis or its glue").isEmpty();
  }

  @Test
  void shouldNotThrowSoftDeleteExceptionWhereMyBatisMayBeAbsent() {
    // SoftDeleteException extends MyBatis's PersistenceException: code that runs on plain JDBC cannot make one
    List<String> offending = new ArrayList<>();
    for (String pkg : List.of("sql", "purge")) {
      for (Path file : JavaSources.under(MAIN.resolve(pkg))) {
        if (JavaSources.code(file).contains("SoftDeleteException")) {
          offending.add(pkg + "/" + file.getFileName());
        }
      }
    }

    assertThat(offending).isEmpty();
  }
}
