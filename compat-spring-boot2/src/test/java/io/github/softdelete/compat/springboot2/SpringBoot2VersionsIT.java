package io.github.softdelete.compat.springboot2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

/** The shared tests prove Boot 2.7 only if Boot 2.7 is what they ran on: docs/spring.md names these versions. */
class SpringBoot2VersionsIT {
  @Test
  void shouldRunOnSpringBoot27WithStarter23() throws IOException {
    assertThat(SpringBootVersion.getVersion()).isEqualTo("2.7.18");
    assertThat(SpringVersion.getVersion()).isEqualTo("5.3.31");
    assertThat(mavenVersion("org.mybatis.spring.boot", "mybatis-spring-boot-autoconfigure")).isEqualTo("2.3.2");
    assertThat(mavenVersion("org.mybatis", "mybatis-spring")).isEqualTo("2.1.2");
    assertThat(mavenVersion("org.mybatis", "mybatis")).isEqualTo("3.5.14");
  }

  private static String mavenVersion(String groupId, String artifactId) throws IOException {
    String path = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = SpringBoot2VersionsIT.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    }
  }
}
