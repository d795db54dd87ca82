package io.github.softdelete.mybatis.check;

import static io.github.softdelete.mybatis.check.CheckFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteCheck;
import io.github.softdelete.mybatis.SoftDeleteCheck.Coverage;
import io.github.softdelete.mybatis.SoftDeleteCheck.Statement;
import io.github.softdelete.mybatis.SoftDeleteMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Mapper XML read without the application: its classes stood in for, its folders searched for mappers. */
class MapperXmlTest {
  private static final Path FOLDER = CheckFixtures.RESOURCES.resolve("folder");

  @Test
  void shouldReadMappersWhoseClassesAreNotOnTheClassPath() {
    MapperXml.Loaded loaded = CheckFixtures.read(CheckFixtures.MAPPER);

    assertThat(loaded.failures()).isEmpty();
    assertThat(loaded.files()).containsExactly(CheckFixtures.MAPPER);
    assertThat(loaded.stubbed()).contains("com.shop.User", "com.shop.UserQuery", "com.shop.AuditEntry");
    assertThat(Checker.mappedStatements(loaded.configuration())).hasSize(11);
  }

  @Test
  void shouldFindTheMappersOfAFolderAndPassOverOtherXml() {
    MapperXml.Loaded loaded = CheckFixtures.read(FOLDER);

    assertThat(loaded.failures()).isEmpty();
    assertThat(loaded.files()).containsExactly(FOLDER.resolve("OddMapper.xml"), FOLDER.resolve("nested/CheckMapper.xml"));
  }

  @Test
  void shouldSayThatAFileGivenByNameIsNoMapper() {
    MapperXml.Loaded loaded = CheckFixtures.read(FOLDER.resolve("mybatis-config.xml"), FOLDER.resolve("missing.xml"));

    assertThat(loaded.failures()).containsExactly(
        FOLDER.resolve("mybatis-config.xml") + ": not a MyBatis mapper (its root element is <configuration>)",
        FOLDER.resolve("missing.xml") + ": no such file or folder");
  }

  // a cache of a library, a type handler and an enum type handler's javaType, none of them here
  @Test
  void shouldStandInForCachesTypeHandlersAndEnumsOfTheApplication() {
    MapperXml.Loaded loaded = CheckFixtures.read(FOLDER.resolve("OddMapper.xml"));

    assertThat(loaded.failures()).isEmpty();
    assertThat(loaded.stubbed()).contains("com.shop.StatusHandler", "com.shop.Status", "com.shop.Order")
        .doesNotContain("org.mybatis.caches.redis.RedisCache");
    SoftDeleteCheck check = SoftDeleteCheck.offline(loaded.configuration(), config("tables", "users,orders"), null);
    Statement likeName = check.statements().stream().filter(s -> s.id().equals("com.shop.OddMapper.likeName"))
        .findFirst().orElseThrow();
    // user.id is a property of the parameter: without one the statement does not render, with every one set it does
    assertThat(likeName.coverage()).isEqualTo(Coverage.SHAPES);
    assertThat(likeName.shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT).runs()).containsExactly(
        "SELECT o.id FROM orders o JOIN users u ON (u.id = o.user_id) AND u.deleted_at IS NULL WHERE (u.name LIKE ? AND"
            + " u.id = ?) AND o.deleted_at IS NULL");
    check.assertNothingRefused();
  }

  @Test
  void shouldTakeTheStatementsOfTheDatabaseIdAsked() throws java.io.IOException {
    Path mapper = CheckFixtures.RESOURCES.resolve("DatabaseIdMapper.xml");

    assertThat(Checker.mappedStatements(MapperXml.read(java.util.List.of(mapper), null, null).configuration()))
        .extracting(ms -> ms.getSqlSource().getBoundSql(null).getSql().strip()).containsExactly("SELECT 1 FROM users");
    assertThat(Checker.mappedStatements(MapperXml.read(java.util.List.of(mapper), "postgresql", null).configuration()))
        .extracting(ms -> ms.getSqlSource().getBoundSql(null).getSql().strip())
        .containsExactly("SELECT 2 FROM users");
  }
}
