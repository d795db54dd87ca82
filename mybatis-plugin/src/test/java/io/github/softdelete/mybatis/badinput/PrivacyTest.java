package io.github.softdelete.mybatis.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.LogCapture;
import io.github.softdelete.mybatis.SoftDeleteException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bound values may be personal data: softdelete never writes them into an exception or a log line. What it
 * reports is the statement id, the table and the reason; MyBatis's own error context shows the SQL with its
 * {@code ?} placeholders.
 */
class PrivacyTest {
  private static final String SECRET = "zoë.secret@example.org";

  private BadInputDatabase db;

  @RegisterExtension
  final LogCapture logs = LogCapture.of("io.github.softdelete");

  // MyBatis's own statement log (the mapper's namespace) shows values when an application turns it on
  private List<LogRecord> records() {
    return logs.records().stream()
        .filter(r -> !r.getLoggerName().startsWith(BadInputMapper.class.getName())).toList();
  }

  @BeforeEach
  void setUp() throws SQLException {
    // every level, debug included: nothing softdelete logs may carry a value
    logs.level(Level.ALL);
    db = new BadInputDatabase("privacy");
  }

  @AfterEach
  void tearDown() throws SQLException {
    db.close();
  }

  @Test
  void shouldKeepBoundValuesOutOfARefusedSelect() {
    // when
    Throwable thrown;
    try (SqlSession session = db.factory().openSession()) {
      thrown = catchThrowable(() -> session.getMapper(BadInputMapper.class).unreadableWithBoundName(SECRET));
    }

    // then
    assertThat(thrown).hasCauseInstanceOf(SoftDeleteException.class);
    assertThat(thrown.getCause().getMessage()).startsWith("softdelete: refused statement '"
        + BadInputMapper.class.getName() + ".unreadableWithBoundName' on table 'users': ");
    assertThat(everythingPrinted(thrown)).doesNotContain(SECRET);
    assertThat(records()).allSatisfy(r -> assertThat(r.getMessage()).doesNotContain(SECRET));
  }

  @Test
  void shouldKeepBoundValuesOutOfARefusedDelete() throws SQLException {
    // when
    Throwable thrown;
    try (SqlSession session = db.factory().openSession(true)) {
      thrown = catchThrowable(() -> session.getMapper(BadInputMapper.class).unreadableDeleteWithBoundName(SECRET));
    }

    // then
    assertThat(thrown).hasCauseInstanceOf(SoftDeleteException.class);
    assertThat(everythingPrinted(thrown)).doesNotContain(SECRET);
    assertThat(db.rows("SELECT COUNT(*) FROM users")).containsExactly("6");
  }

  @Test
  void shouldLogTheStatementButNotItsValuesWhenAnUnreadableSelectRunsWithAWarning() {
    // when
    List<Integer> ids;
    try (SqlSession session = db.factory("onUnparseableSelect", "warn").openSession()) {
      ids = session.getMapper(BadInputMapper.class).unreadableWithBoundName(SECRET);
    }

    // then
    assertThat(ids).isEmpty();
    assertThat(records()).isNotEmpty();
    assertThat(records()).anySatisfy(r -> assertThat(r.getMessage())
        .startsWith("softdelete: statement '" + BadInputMapper.class.getName() + ".unreadableWithBoundName' runs"
            + " unchanged (onUnparseableSelect=warn)"));
    assertThat(records()).allSatisfy(r -> {
      assertThat(r.getMessage()).doesNotContain(SECRET);
      assertThat(r.getParameters() == null ? "" : List.of(r.getParameters()).toString()).doesNotContain(SECRET);
      assertThat(r.getThrown() == null ? "" : everythingPrinted(r.getThrown())).doesNotContain(SECRET);
    });
  }

  @Test
  void shouldShowTheRewrittenSqlWithPlaceholdersButNoValuesWhenTheDatabaseFails() {
    // when: the rewrite succeeds, then the database rejects a column that does not exist
    Throwable thrown;
    try (SqlSession session = db.factory().openSession()) {
      thrown = catchThrowable(() -> session.getMapper(BadInputMapper.class).idsNamedWithMissingColumn(SECRET));
    }

    // then
    assertThat(thrown).hasMessageContaining("### SQL: SELECT id FROM users WHERE (name = ? AND missing = 1)"
        + " AND users.deleted_at IS NULL");
    assertThat(everythingPrinted(thrown)).doesNotContain(SECRET);
  }

  /** Messages, causes and stack traces: all that a log appender would write for this exception. */
  private static String everythingPrinted(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
