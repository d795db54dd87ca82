package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.LogCapture;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.util.List;
import java.util.Properties;
import java.util.logging.LogRecord;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** mode=observe: every statement runs as the application wrote it; what enforce would do is logged once. */
class ObserveModeTest {
  private static final String MAPPER = "io.github.softdelete.mybatis.e2e.UserMapper.";

  private TestDatabase db;

  @RegisterExtension
  final LogCapture logs = LogCapture.of("io.github.softdelete.mybatis.internal.StatementLog");

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private List<String> warnings() {
    return logs.warnings().stream().map(LogRecord::getMessage).toList();
  }

  private static SoftDeleteInterceptor observing() {
    Properties properties = new Properties();
    properties.setProperty("mode", "observe");
    return new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties));
  }

  @Test
  void shouldShowDeletedRowsAndLogTheRewriteOnceWhenObserving() {
    try (SqlSession session = db.factory(observing()).openSession()) {
      UserMapper users = session.getMapper(UserMapper.class);

      List<String> first = users.names();
      session.clearCache();
      users.names();

      assertThat(first).containsExactly("ann", "bob", "cid", "dee", "eve");
      assertThat(warnings()).containsExactly("softdelete (observe): statement '" + MAPPER + "names' would run as: "
          + "SELECT name FROM users WHERE users.deleted_at IS NULL ORDER BY id"
          + " | instead of: SELECT name FROM users ORDER BY id");
    }
  }

  @Test
  void shouldReallyDeleteAndLogTheUpdateItWouldHaveRunWhenObserving() {
    try (SqlSession session = db.factory(observing()).openSession(true)) {
      int deleted = session.getMapper(UserMapper.class).delete(1);

      assertThat(deleted).isEqualTo(1);
      assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE id = 1")).isZero();
      assertThat(warnings()).containsExactly("softdelete (observe): statement '" + MAPPER + "delete' would run as: "
          + "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NULL"
          + " | instead of: DELETE FROM users WHERE id = ?");
    }
  }

  @Test
  void shouldRunAndLogAStatementItWouldRefuseWhenObserving() {
    try (SqlSession session = db.factory(observing()).openSession(true)) {
      session.getMapper(UserMapper.class).truncate();

      assertThat(db.queryLong("SELECT COUNT(*) FROM users")).isZero();
      assertThat(warnings()).singleElement().asString()
          .startsWith("softdelete (observe): statement '" + MAPPER + "truncate' would be refused: ")
          .endsWith(" | SQL: TRUNCATE TABLE users");
    }
  }

  @Test
  void shouldLogThatAStatementFilteringTheMarkerItselfIsLeftAsWrittenWhenObserving() {
    SqlSessionFactory factory = db.factory(observing());
    factory.getConfiguration().addMapper(HandSoftDeleteMapper.class);
    try (SqlSession session = factory.openSession(true)) {
      HandSoftDeleteMapper mapper = session.getMapper(HandSoftDeleteMapper.class);

      assertThat(mapper.trash()).containsExactly("dee");
      mapper.namesWithDeletedOrders();

      String hand = "softdelete (observe): statement 'io.github.softdelete.mybatis.e2e.HandSoftDeleteMapper.";
      assertThat(warnings()).containsExactly(
          hand + "trash' left as written: the statement filters deleted_at itself"
              + " | SQL: SELECT name FROM users WHERE deleted_at IS NOT NULL ORDER BY id",
          hand + "namesWithDeletedOrders' would run as: SELECT u.name FROM users u JOIN orders o"
              + " ON o.user_id = u.id WHERE (o.deleted_at IS NOT NULL) AND u.deleted_at IS NULL ORDER BY u.id"
              + " | instead of: SELECT u.name FROM users u JOIN orders o ON o.user_id = u.id"
              + " WHERE o.deleted_at IS NOT NULL ORDER BY u.id"
              + " | orders: left as written: the statement filters deleted_at itself");
    }
  }

  @Test
  void shouldLogNothingForStatementsWithoutSoftTablesWhenObserving() {
    try (SqlSession session = db.factory(observing()).openSession(true)) {
      session.getMapper(UserMapper.class).auditMessages(0);

      assertThat(warnings()).isEmpty();
    }
  }
}
