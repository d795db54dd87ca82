package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.LogCapture;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A SELECT the parser cannot read fails closed, unless onUnparseableSelect=warn lets it run with a warning. */
class UnreadableSelectTest {
  private static final String STATEMENT = "io.github.softdelete.mybatis.e2e.UserMapper.namesUnreadable";

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

  private SoftDeleteInterceptor plugin(String onUnparseableSelect) {
    Properties properties = new Properties();
    properties.setProperty("tables", "users,orders");
    properties.setProperty("onUnparseableSelect", onUnparseableSelect);
    return new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties));
  }

  @Test
  void shouldRefuseUnreadableSelectByDefault() {
    try (SqlSession session = db.factory(plugin("fail")).openSession()) {
      Throwable thrown = catchThrowable(() -> session.getMapper(UserMapper.class).namesUnreadable());

      assertThat(thrown).isInstanceOf(PersistenceException.class).hasCauseInstanceOf(SoftDeleteException.class);
      SoftDeleteException e = (SoftDeleteException) thrown.getCause();
      assertThat(e.getStatementId()).isEqualTo(STATEMENT);
      assertThat(e.getMessage())
          .startsWith("softdelete: refused statement '" + STATEMENT + "' on table 'users': the SQL parser cannot"
              + " read the statement (")
          .endsWith("), so softdelete cannot tell whether it leaks or erases deleted rows");
    }
  }

  @Test
  void shouldRunUnreadableSelectUnchangedWithOneWarningWhenAllowed() {
    try (SqlSession session = db.factory(plugin("warn")).openSession()) {
      UserMapper users = session.getMapper(UserMapper.class);

      List<String> first = users.namesUnreadable();
      session.clearCache();
      List<String> second = users.namesUnreadable();

      // unchanged means unfiltered: the price of the option
      assertThat(first).containsExactly("ann", "bob", "cid", "dee", "eve");
      assertThat(second).isEqualTo(first);
      assertThat(logs.warnings()).singleElement().satisfies(w -> assertThat(w.getMessage())
          .startsWith("softdelete: statement '" + STATEMENT + "' runs unchanged (onUnparseableSelect=warn):"
              + " table 'users': the SQL parser cannot read the statement ("));
    }
  }

  @Test
  void shouldStillRefuseTruncateWhenUnreadableSelectsMayRun() {
    try (SqlSession session = db.factory(plugin("warn")).openSession()) {
      Throwable thrown = catchThrowable(() -> session.getMapper(UserMapper.class).truncate());

      assertThat(thrown).hasCauseInstanceOf(SoftDeleteException.class);
      assertThat(db.queryLong("SELECT COUNT(*) FROM users")).isEqualTo(5);
    }
  }
}
