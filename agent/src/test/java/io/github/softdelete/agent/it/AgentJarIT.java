package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code softdelete-agent.jar} holds: relocated third-party code, hidden MyBatis-facing classes, manifest. */
class AgentJarIT {
  private JarFile jar;
  private List<String> names;

  @BeforeEach
  void open() throws IOException {
    jar = new JarFile(Child.AGENT_JAR.toFile());
    names = jar.stream().map(JarEntry::getName).toList();
  }

  @AfterEach
  void close() throws IOException {
    jar.close();
  }

  @Test
  void shouldHoldNoUnrelocatedThirdPartyClass() {
    assertThat(names).noneMatch(n -> n.contains("net/bytebuddy/") || n.contains("net/sf/jsqlparser/")
        || n.contains("com/github/benmanes/"));
    assertThat(names).contains("io/github/softdelete/agent/shaded/bytebuddy/jar/asm/ClassReader.class");
  }

  // the application's MyBatis is the one that runs: the jar's own copy is hidden, for the command check alone
  @Test
  void shouldHoldMyBatisOnlyWhereNoClassLoaderOfTheApplicationFindsIt() {
    List<String> myBatis = names.stream().filter(n -> n.contains("org/apache/ibatis/") && !n.endsWith("/")).toList();

    assertThat(myBatis).allMatch(n -> n.startsWith("softdelete-mybatis/org/apache/ibatis/")
        || n.equals("softdelete-standin/org/apache/ibatis/exceptions/PersistenceException.classdata"));
    assertThat(myBatis).filteredOn(n -> n.endsWith(".class")).isEmpty();
    assertThat(myBatis).contains("softdelete-mybatis/org/apache/ibatis/session/Configuration.classdata",
        "softdelete-mybatis/org/apache/ibatis/builder/xml/mybatis-3-mapper.dtd");
    assertThat(names).contains("softdelete-mybatis/META-INF/LICENSE", "softdelete-mybatis/META-INF/NOTICE");
  }

  @Test
  void shouldHideEveryClassThatNeedsMyBatisFromTheSystemClassLoader() {
    assertThat(names).noneMatch(n -> n.startsWith("io/github/softdelete/mybatis/")
        || n.startsWith("io/github/softdelete/agent/inner/") || n.startsWith("io/github/softdelete/agent/shaded/jsqlparser/")
        || n.startsWith("io/github/softdelete/agent/shaded/caffeine/"));
    assertThat(names).contains(
        "softdelete-inner/io/github/softdelete/mybatis/SoftDeleteInterceptor.classdata",
        "softdelete-inner/io/github/softdelete/agent/inner/ChainHook.classdata",
        "softdelete-inner/io/github/softdelete/agent/shaded/caffeine/cache/Caffeine.classdata");
    // relocated by this jar, or already by softdelete-mybatis itself: either way hidden
    assertThat(names).anyMatch(n -> n.startsWith("softdelete-inner/io/github/softdelete/")
        && n.endsWith("/jsqlparser/parser/CCJSqlParserUtil.classdata"));
    assertThat(names).filteredOn(n -> n.startsWith("softdelete-inner/")).noneMatch(n -> n.endsWith(".class"));
  }

  // the application reads these from every class path entry; they would name classes it cannot load
  @Test
  void shouldHoldNothingThatSpringOrServiceLoadersOfTheApplicationWouldRead() {
    assertThat(names).noneMatch(n -> n.startsWith("META-INF/spring") || n.startsWith("META-INF/services/")
        || n.startsWith("META-INF/additional-spring-configuration-metadata"));
  }

  @Test
  void shouldDeclareEntryPointsInTheManifest() throws IOException {
    Attributes manifest = jar.getManifest().getMainAttributes();

    assertThat(manifest.getValue("Premain-Class")).isEqualTo("io.github.softdelete.agent.SoftDeleteAgent");
    assertThat(manifest.getValue("Agent-Class")).isEqualTo("io.github.softdelete.agent.SoftDeleteAgent");
    assertThat(manifest.getValue("Main-Class")).isEqualTo("io.github.softdelete.agent.Main");
    assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
    assertThat(manifest.getValue("Implementation-Version")).isNotBlank();
  }
}
