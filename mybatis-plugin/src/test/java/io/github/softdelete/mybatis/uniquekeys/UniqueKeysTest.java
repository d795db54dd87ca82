package io.github.softdelete.mybatis.uniquekeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.rewrite.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The unique-key strategies that work on H2 (deletion token, generated live column) through MyBatis, and the
 * one that does not ({@code UNIQUE (email, deleted_at)}).
 */
class UniqueKeysTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String url = "jdbc:h2:mem:unique" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";

  private void execute(String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1) + "|" + rs.getString(2));
      }
    }
    return rows;
  }

  private UniqueKeyScenario scenario(String... options) {
    return UniqueKeyScenario.on("org.h2.Driver", url, "sa", "", options);
  }

  @Test
  void shouldAcceptARowColumnAsDeletedValueAndWriteItOnDelete() {
    // given
    Properties properties = new Properties();
    properties.setProperty("tables", "accounts");
    properties.setProperty("column", "deleted_token");
    properties.setProperty("liveValue", "0");
    properties.setProperty("deletedValue", "id");

    // when
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(properties);
    String sql = new EngineFactory(config).rewriterWithoutDatabase(Dialect.UNKNOWN)
        .rewrite("DELETE FROM accounts WHERE email = ?", SoftDeleteMode.DEFAULT).sql();

    // then
    assertThat(config.deletedValue()).isEqualTo("id");
    assertThat(sql).isEqualTo("UPDATE accounts SET deleted_token = id WHERE (email = ?) AND deleted_token = 0");
  }

  @Test
  void shouldFreeTheKeyOfADeletedRowWithADeletionToken() throws SQLException {
    // given: the token is 0 while live and the row's own id once deleted
    execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL,"
        + " deleted_token BIGINT DEFAULT 0 NOT NULL, UNIQUE (email, deleted_token))");

    // when / then
    scenario("column=deleted_token", "liveValue=0", "deletedValue=id").createDeleteRecreateDeleteAgain();
    assertThat(rows("SELECT id, deleted_token FROM accounts ORDER BY id")).containsExactly("1|1", "2|2", "3|0");
  }

  @Test
  void shouldFreeTheKeyOfADeletedRowWithAGeneratedLiveColumn() throws SQLException {
    // given: alive is 1 while live and NULL once deleted, and NULLs never collide in a unique constraint
    execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, deleted_at TIMESTAMP,"
        + " alive TINYINT GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN 1 END), UNIQUE (email, alive))");

    // when / then
    scenario().createDeleteRecreateDeleteAgain();
    assertThat(rows("SELECT id, alive FROM accounts ORDER BY id")).containsExactly("1|null", "2|null", "3|1");
  }

  @Test
  void shouldLetLiveDuplicatesThroughWithUniqueOnEmailAndMarker() throws SQLException {
    execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, deleted_at TIMESTAMP,"
        + " UNIQUE (email, deleted_at))");

    scenario().liveDuplicatesSlipThroughUniqueEmailAndMarker();
  }
}
