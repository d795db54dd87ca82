package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Scopes carried to virtual threads: {@link VirtualThreadScopes} in a child JVM of JDK 25 (the build targets
 * Java 17, which has none). Skipped where that JDK is not installed, except on CI, where it must be.
 */
class VirtualThreadScopesTest {
  private static final Path JDK_25 = Path.of(System.getProperty("it.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

  @Test
  void shouldCarryEachSubmittersScopeToItsVirtualThread() throws Exception {
    Path java = JDK_25.resolve("bin/java");
    boolean present = Files.isExecutable(java);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("JDK 25 is required on CI and was not found at " + JDK_25);
    }
    assumeTrue(present, "JDK 25 not installed at " + JDK_25 + "; skipped");
    // surefire's own class path is a manifest-only jar; this property is the test class path itself
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path out = Files.createTempFile("virtual-scopes", ".txt");
    try {
      Process child = new ProcessBuilder(java.toString(), "-cp", classPath, VirtualThreadScopes.class.getName())
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      assertThat(child.exitValue()).as("exit status; output: %s", lines).isZero();

      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        expected.add("virtual [ann, bob, cid, dee, eve]");
        expected.add("virtual [dee]");
        expected.add("virtual [ann, bob, cid, eve]");
      }
      assertThat(lines.stream().filter(line -> line.startsWith("virtual ") || line.startsWith("platform ")))
          .containsExactlyElementsOf(expected);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
