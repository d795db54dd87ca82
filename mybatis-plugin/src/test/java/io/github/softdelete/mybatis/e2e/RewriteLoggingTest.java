package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.ibatis.logging.LogFactory;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lines go through MyBatis's LogFactory (here to java.util.logging): at debug, each statement's original and
 * rewritten SQL once per mode, when first rewritten; at info, nothing.
 */
class RewriteLoggingTest {
  private static final String NAMES = "io.github.softdelete.mybatis.e2e.UserMapper.names";

  private final Logger julLogger = Logger.getLogger("io.github.softdelete.mybatis.internal.SqlCache");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level previousLevel;
  private TestDatabase db;

  @BeforeEach
  void setUp() {
    LogFactory.useJdkLogging();
    previousLevel = julLogger.getLevel();
    julLogger.addHandler(handler);
    db = TestDatabase.create();
  }

  @AfterEach
  void tearDown() {
    julLogger.removeHandler(handler);
    julLogger.setLevel(previousLevel);
    db.close();
  }

  private List<String> messages() {
    return records.stream().map(LogRecord::getMessage).toList();
  }

  @Test
  void shouldLogOriginalAndRewrittenSqlOncePerStatementAndModeAtDebug() {
    julLogger.setLevel(Level.FINE);
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

    assertThat(records).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.FINE));
    assertThat(messages()).containsExactly(
        "softdelete: statement '" + NAMES + "' in mode DEFAULT: original SQL: SELECT name FROM users ORDER BY id"
            + " | rewritten SQL: SELECT name FROM users WHERE users.deleted_at IS NULL ORDER BY id",
        "softdelete: statement '" + NAMES + "' in mode ONLY_DELETED: original SQL: SELECT name FROM users ORDER BY"
            + " id | rewritten SQL: SELECT name FROM users WHERE users.deleted_at IS NOT NULL ORDER BY id");
  }

  @Test
  void shouldNeverLogParameterValues() {
    julLogger.setLevel(Level.FINE);
    try (SqlSession session = db.factory(Plugins.softDelete()).openSession()) {
      UserMapper users = session.getMapper(UserMapper.class);

      users.rename(3, "secret-name-value");
      users.delete(3);
    }

    assertThat(messages()).hasSize(2)
        .allSatisfy(m -> assertThat(m).contains("?").doesNotContain("secret-name-value").doesNotContain("= 3"));
  }

  @Test
  void shouldLogNothingAtInfo() {
    julLogger.setLevel(Level.INFO);
    try (SqlSession session = db.factory(Plugins.softDelete()).openSession()) {
      UserMapper users = session.getMapper(UserMapper.class);

      users.names();
      users.delete(3);
      OnlyDeleted.get(users::names);
    }

    assertThat(records).isEmpty();
  }
}
