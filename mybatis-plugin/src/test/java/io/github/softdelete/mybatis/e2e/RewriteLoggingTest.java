package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.LogCapture;
import io.github.softdelete.mybatis.OnlyDeleted;
import java.util.logging.Level;
import org.apache.ibatis.logging.LogFactory;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lines go through MyBatis's LogFactory (here to java.util.logging): at debug, each statement's original and
 * rewritten SQL once per mode, when first rewritten; at info, nothing.
 */
class RewriteLoggingTest {
  private static final String NAMES = "io.github.softdelete.mybatis.e2e.UserMapper.names";

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

  @Test
  void shouldLogOriginalAndRewrittenSqlOncePerStatementAndModeAtDebug() {
    logs.level(Level.FINE);
    try (SqlSession session = db.factory(Plugins.softDelete()).openSession()) {
      UserMapper users = session.getMapper(UserMapper.class);

      users.names();
      session.clearCache();
      users.names();
      session.clearCache();
      users.names();
      // nothing changes without a filter: nothing to log
      IncludeDeleted.get(users::names);
      OnlyDeleted.get(users::names);
      OnlyDeleted.get(users::names);
    }

    assertThat(logs.records()).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.FINE));
    assertThat(logs.messages()).containsExactly(
        "softdelete: statement '" + NAMES + "' in mode DEFAULT: original SQL: SELECT name FROM users ORDER BY id"
            + " | rewritten SQL: SELECT name FROM users WHERE users.deleted_at IS NULL ORDER BY id",
        "softdelete: statement '" + NAMES + "' in mode ONLY_DELETED: original SQL: SELECT name FROM users ORDER BY"
            + " id | rewritten SQL: SELECT name FROM users WHERE users.deleted_at IS NOT NULL ORDER BY id");
  }

  @Test
  void shouldLogWhatWasLeftAsWrittenAtDebug() {
    logs.level(Level.FINE);
    org.apache.ibatis.session.SqlSessionFactory factory = db.factory(Plugins.softDelete());
    factory.getConfiguration().addMapper(HandSoftDeleteMapper.class);
    try (SqlSession session = factory.openSession()) {
      HandSoftDeleteMapper mapper = session.getMapper(HandSoftDeleteMapper.class);

      mapper.trash();
      mapper.namesWithDeletedOrders();
    }

    String hand = "softdelete: statement 'io.github.softdelete.mybatis.e2e.HandSoftDeleteMapper.";
    assertThat(logs.messages()).containsExactly(
        hand + "trash' in mode DEFAULT: left as written: the statement filters deleted_at itself:"
            + " SELECT name FROM users WHERE deleted_at IS NOT NULL ORDER BY id",
        hand + "namesWithDeletedOrders' in mode DEFAULT: original SQL: SELECT u.name FROM users u JOIN orders o"
            + " ON o.user_id = u.id WHERE o.deleted_at IS NOT NULL ORDER BY u.id | rewritten SQL: SELECT u.name"
            + " FROM users u JOIN orders o ON o.user_id = u.id WHERE (o.deleted_at IS NOT NULL)"
            + " AND u.deleted_at IS NULL ORDER BY u.id | orders: left as written: the statement filters deleted_at"
            + " itself");
  }

  @Test
  void shouldNeverLogParameterValues() {
    logs.level(Level.FINE);
    try (SqlSession session = db.factory(Plugins.softDelete()).openSession()) {
      UserMapper users = session.getMapper(UserMapper.class);

      users.rename(3, "secret-name-value");
      users.delete(3);
    }

    assertThat(logs.messages()).hasSize(2)
        .allSatisfy(m -> assertThat(m).contains("?").doesNotContain("secret-name-value").doesNotContain("= 3"));
  }

  @Test
  void shouldLogNothingAtInfo() {
    logs.level(Level.INFO);
    try (SqlSession session = db.factory(Plugins.softDelete()).openSession()) {
      UserMapper users = session.getMapper(UserMapper.class);

      users.names();
      users.delete(3);
      OnlyDeleted.get(users::names);
    }

    assertThat(logs.records()).isEmpty();
  }
}
