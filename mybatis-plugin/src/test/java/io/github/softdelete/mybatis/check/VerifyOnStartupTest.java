package io.github.softdelete.mybatis.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.LogCapture;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verifyOnStartup} as an application meets it, from {@code mybatis-config.xml}: the first statement of
 * the configuration checks them all; {@code fail} stops every statement while one would be refused, {@code warn}
 * logs them; either way the rewrite cache is filled, so a static statement's first call parses nothing.
 */
class VerifyOnStartupTest {
  private static final Path MAPPER = CheckFixtures.RESOURCES.resolve("VerifyMapper.xml").toAbsolutePath();
  private static final String REFUSED = "  com.shop.VerifyMapper.truncateUsers (default): table 'users': TRUNCATE would"
      + " erase every row, soft-deleted or not; run it inside HardDelete.run(...) if that is intended | SQL:"
      + " TRUNCATE TABLE users";

  @RegisterExtension
  final LogCapture verification = LogCapture.of("io.github.softdelete.mybatis.internal.StartupVerification");
  @RegisterExtension
  final LogCapture rewrites = LogCapture.of("io.github.softdelete.mybatis.internal.StatementLog");

  @TempDir
  Path dir;

  private final PooledDataSource database = CheckFixtures.database();

  @AfterEach
  void close() {
    database.forceCloseAll();
  }

  private SqlSessionFactory factory(String verifyOnStartup) {
    Path config = dir.resolve("mybatis-config.xml");
    try {
      Files.writeString(config, """
          <?xml version="1.0" encoding="UTF-8"?>
          <!DOCTYPE configuration PUBLIC "-//mybatis.org//DTD Config 3.0//EN" "https://mybatis.org/dtd/mybatis-3-config.dtd">
          <configuration>
            <plugins>
              <plugin interceptor="io.github.softdelete.mybatis.SoftDeleteInterceptor">
                <property name="verifyOnStartup" value="%s"/>
              </plugin>
            </plugins>
            <environments default="h2">
              <environment id="h2">
                <transactionManager type="JDBC"/>
                <dataSource type="POOLED">
                  <property name="driver" value="org.h2.Driver"/>
                  <property name="url" value="%s"/>
                  <property name="username" value="sa"/>
                </dataSource>
              </environment>
            </environments>
            <mappers>
              <mapper url="%s"/>
            </mappers>
          </configuration>
          """.formatted(verifyOnStartup, database.getUrl(), MAPPER.toUri()));
      try (Reader reader = Files.newBufferedReader(config)) {
        return new SqlSessionFactoryBuilder().build(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> names(SqlSessionFactory factory) {
    try (SqlSession session = factory.openSession()) {
      return session.selectList("com.shop.VerifyMapper.names");
    }
  }

  @Test
  void shouldStopEveryStatementOfAConfigurationWithARefusedOneOnFail() {
    SqlSessionFactory factory = factory("fail");
    String message = "softdelete: verifyOnStartup=fail: 1 of 4 mapped statements would be refused, so no statement"
        + " of this MyBatis configuration runs:" + System.lineSeparator() + REFUSED;

    // MyBatis wraps what its executor throws, as it does every refusal
    assertThatThrownBy(() -> names(factory)).cause().isInstanceOf(SoftDeleteException.class).hasMessage(message);
    // not only the first: the configuration stays refused
    assertThatThrownBy(() -> names(factory)).cause().isInstanceOf(SoftDeleteException.class).hasMessage(message);
    assertThat(verification.warnings()).extracting(r -> r.getMessage()).containsExactly(message);
  }

  // what Spring Boot does once its singletons exist: before any statement runs
  @Test
  void shouldVerifyBeforeAnyStatementWhenTheFrameworkAsks() {
    SqlSessionFactory factory = factory("fail");
    SoftDeleteInterceptor interceptor = (SoftDeleteInterceptor) factory.getConfiguration().getInterceptors().get(0);

    assertThatThrownBy(() -> interceptor.verify(factory.getConfiguration())).isInstanceOf(SoftDeleteException.class)
        .hasMessageStartingWith("softdelete: verifyOnStartup=fail: 1 of 4 mapped statements would be refused");
    assertThatThrownBy(() -> names(factory)).cause().isInstanceOf(SoftDeleteException.class);
    assertThat(verification.warnings()).hasSize(1);
  }

  @Test
  void shouldVerifyNothingWhenAskedWithVerifyOnStartupOff() throws java.sql.SQLException {
    SqlSessionFactory factory = factory("off");

    ((SoftDeleteInterceptor) factory.getConfiguration().getInterceptors().get(0)).verify(factory.getConfiguration());

    assertThat(verification.records()).isEmpty();
    assertThat(names(factory)).containsExactly("ann", "bob");
  }

  @Test
  void shouldLogTheRefusedStatementsAndRunOnWarn() {
    SqlSessionFactory factory = factory("warn");

    assertThat(names(factory)).containsExactly("ann", "bob");
    assertThat(names(factory)).containsExactly("ann", "bob");

    assertThat(verification.warnings()).extracting(r -> r.getMessage()).containsExactly("softdelete:"
        + " verifyOnStartup=warn: 1 of 4 mapped statements would be refused:" + System.lineSeparator() + REFUSED);
  }

  @Test
  void shouldFillTheRewriteCacheSoThatAStaticStatementsFirstCallParsesNothing() {
    rewrites.level(Level.FINE);
    SqlSessionFactory verified = factory("warn");
    names(verified);
    int afterFirst = rewrites.messages().size();

    try (SqlSession session = verified.openSession()) {
      assertThat(session.<Integer>selectList("com.shop.VerifyMapper.amounts")).containsExactly(100);
    }

    // every statement was rewritten (and logged) at the first call; amounts' own first call found its SQL cached
    assertThat(rewrites.messages()).hasSize(afterFirst)
        .anyMatch(m -> m.startsWith("softdelete: statement 'com.shop.VerifyMapper.amounts' in mode DEFAULT:"));
  }

  @Test
  void shouldRewriteAStaticStatementWhenItFirstRunsWithoutVerification() {
    rewrites.level(Level.FINE);
    SqlSessionFactory factory = factory("off");
    names(factory);
    assertThat(rewrites.messages()).noneMatch(m -> m.contains("'com.shop.VerifyMapper.amounts'"));

    try (SqlSession session = factory.openSession()) {
      session.selectList("com.shop.VerifyMapper.amounts", Map.of());
    }

    assertThat(rewrites.messages()).anyMatch(m -> m.contains("'com.shop.VerifyMapper.amounts' in mode DEFAULT"));
    assertThat(verification.records()).isEmpty();
  }
}
