package io.github.softdelete.mybatis.badinput;

import static io.github.softdelete.mybatis.badinput.BadInputDatabase.LIVE_USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.SoftDeleteException;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each bad input has one clear outcome: the right rows, or a refusal that names the problem; nothing lost. */
class BadInputTest {
  private static final String UNREADABLE = "the SQL parser cannot read the statement (";
  private static final String UNREADABLE_END =
      "), so softdelete cannot tell whether it leaks or erases deleted rows";
  /**
   * Huge statements take seconds to parse on a loaded shared CI machine; these tests are about the outcome,
   * the default bound has its own test below.
   */
  private static final String GENEROUS = "120000";

  private BadInputDatabase db;
  private List<String> usersBefore;

  @BeforeEach
  void createDatabase() throws SQLException {
    db = new BadInputDatabase("test");
    usersBefore = db.users();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    db.close();
  }

  // ---------------------------------------------------------------- SQL the parser rejects

  @Test
  void shouldRefuseASelectTheParserRejectsNamingStatementTableAndReason() {
    // when
    SoftDeleteException refusal = refusal(db.factory(), "SELECT id FROM users WHERE id ! 1");

    // then
    assertThat(refusal.getStatementId()).isEqualTo(BadInputMapper.SQL);
    assertThat(refusal.getTable()).isEqualTo("users");
    assertThat(refusal.getMessage())
        .startsWith("softdelete: refused statement '" + BadInputMapper.SQL + "' on table 'users': " + UNREADABLE)
        .endsWith(UNREADABLE_END);
  }

  @Test
  void shouldRefuseADeleteTheParserRejectsAndLoseNothing() throws SQLException {
    // when
    Throwable thrown;
    try (SqlSession session = db.factory().openSession(true)) {
      thrown = catchThrowable(() -> session.getMapper(BadInputMapper.class).update("DELETE FROM users WHERE id ! 1"));
    }

    // then
    assertThat(thrown).hasCauseInstanceOf(SoftDeleteException.class);
    assertThat(db.users()).isEqualTo(usersBefore);
  }

  // ---------------------------------------------------------------- size and depth

  @Test
  void shouldFilterAnInListOfFiftyThousandValues() {
    // given
    String values = IntStream.rangeClosed(1, 50_000).mapToObj(Integer::toString).collect(Collectors.joining(", "));

    // when
    List<Integer> ids = select(db.factory("parseTimeoutMillis", GENEROUS),
        "SELECT id FROM users WHERE id IN (" + values + ") ORDER BY id");

    // then
    assertThat(ids).isEqualTo(LIVE_USERS);
  }

  @Test
  void shouldFilterAMegabyteOfSql() {
    // given: ten thousand 100-character string literals
    String names = IntStream.range(0, 10_000).mapToObj(i -> "'" + "x".repeat(95) + i + "'")
        .collect(Collectors.joining(", "));
    String sql = "SELECT id FROM users WHERE name NOT IN (" + names + ") ORDER BY id";

    // when
    List<Integer> ids = select(db.factory("parseTimeoutMillis", GENEROUS), sql);

    // then
    assertThat(sql.length()).isGreaterThan(1_000_000);
    assertThat(ids).isEqualTo(LIVE_USERS);
  }

  @Test
  void shouldFilterEverySubqueryNestedEightDeep() {
    // when: every level reads users, so a level left unfiltered lets deleted ids through
    List<Integer> ids = select(db.factory("parseTimeoutMillis", GENEROUS), nested(8) + " ORDER BY id");

    // then
    assertThat(ids).isEqualTo(LIVE_USERS);
  }

  @Test
  void shouldRefuseSubqueriesNestedAThousandDeepInsteadOfOverflowingTheStack() {
    // when
    SoftDeleteException refusal = refusal(db.factory(), nested(1000));

    // then
    assertThat(refusal.getMessage()).endsWith(UNREADABLE + "StackOverflowError" + UNREADABLE_END);
  }

  @Test
  void shouldRefuseAStatementWhoseParseOverrunsTheBoundWithAClearReason() throws SQLException {
    // given: sixty levels of nesting send the parser into minutes of backtracking
    SqlSessionFactory factory = db.factory("parseTimeoutMillis", "200");

    // when
    Throwable thrown;
    try (SqlSession session = factory.openSession(true)) {
      thrown = catchThrowable(() -> session.getMapper(BadInputMapper.class).update(
          "DELETE FROM users WHERE id IN (" + nested(60) + ")"));
    }

    // then
    assertThat(thrown).hasCauseInstanceOf(SoftDeleteException.class);
    assertThat(thrown.getCause()).hasMessage("softdelete: refused statement '"
        + "io.github.softdelete.mybatis.badinput.BadInputMapper.update' on table 'users': " + UNREADABLE
        + "parsing took longer than parseTimeoutMillis=200" + UNREADABLE_END);
    assertThat(db.users()).isEqualTo(usersBefore);
  }

  /** {@code SELECT id FROM users WHERE id IN (SELECT id FROM users WHERE ...)}, {@code depth} levels. */
  private static String nested(int depth) {
    String sql = "SELECT id FROM users WHERE id > 0";
    for (int i = 1; i < depth; i++) {
      sql = "SELECT id FROM users WHERE id IN (" + sql + ")";
    }
    return sql;
  }

  // ---------------------------------------------------------------- table names where they are not tables

  @Test
  void shouldLeaveAPlainTableAloneWhenACommentNamesASoftTable() {
    // when
    List<Integer> ids = select(db.factory(), "SELECT /* users */ id FROM users_archive -- users\n ORDER BY id");

    // then: archive row 2 is marked, but users_archive is not soft
    assertThat(ids).containsExactly(1, 2, 3);
  }

  @Test
  void shouldFilterASoftTableWhenAHintNamesAPlainOne() {
    // when
    List<Integer> ids = select(db.factory(), "SELECT /*+ INDEX(users_archive) */ id FROM users ORDER BY id");

    // then
    assertThat(ids).isEqualTo(LIVE_USERS);
  }

  @Test
  void shouldKeepAStringLiteralThatHoldsADeleteStatementAsData() throws SQLException {
    // when
    int updated;
    List<Integer> named;
    try (SqlSession session = db.factory().openSession(true)) {
      BadInputMapper mapper = session.getMapper(BadInputMapper.class);
      updated = mapper.update("UPDATE users SET name = 'x''; DELETE FROM users; --' WHERE id = 1");
      named = mapper.sql("SELECT id FROM users WHERE name = 'DELETE FROM users'");
    }

    // then
    assertThat(updated).isEqualTo(1);
    assertThat(named).containsExactly(6);
    assertThat(db.rows("SELECT name FROM users WHERE id = 1")).containsExactly("x'; DELETE FROM users; --");
    assertThat(db.rows("SELECT COUNT(*) FROM users")).containsExactly("6");
  }

  // ---------------------------------------------------------------- Unicode and quoted identifiers

  @Test
  void shouldMatchSoftTablesByQuotedAndUnicodeNames() {
    // when
    List<Integer> quoted = select(db.factory(), "SELECT id AS \"ïd\" FROM \"USERS\" ORDER BY \"ïd\"");
    List<Integer> unicode = select(db.factory(), "SELECT id FROM \"Bücher\" ORDER BY id");

    // then
    assertThat(quoted).isEqualTo(LIVE_USERS);
    assertThat(unicode).containsExactly(1);
  }

  @Test
  void shouldPassUnicodeValuesThroughTheRewriteIntact() {
    // when
    List<Integer> ids;
    try (SqlSession session = db.factory().openSession()) {
      ids = session.getMapper(BadInputMapper.class).sql("SELECT id FROM users WHERE name = 'Zoë 🚀'");
    }

    // then
    assertThat(ids).containsExactly(3);
  }

  // ---------------------------------------------------------------- injection through ${}

  @Test
  void shouldKeepAnInjectedOrInsideTheApplicationsConditionSoDeletedRowsStayHidden() {
    // when: the application meant one name; the attacker's OR makes it every row
    List<Integer> quoteTrick;
    List<Integer> commentTrick;
    try (SqlSession session = db.factory().openSession()) {
      BadInputMapper mapper = session.getMapper(BadInputMapper.class);
      quoteTrick = mapper.idsNamedSpliced("nobody' OR '1'='1");
      session.clearCache();
      commentTrick = mapper.idsNamedSpliced("nobody' OR 1=1 --");
    }

    // then: every live row, as the injected SQL means under soft deletes, and no deleted one
    assertThat(quoteTrick).isEqualTo(LIVE_USERS);
    assertThat(commentTrick).isEqualTo(LIVE_USERS);
  }

  @Test
  void shouldNotLetAStackedDeleteInjectedThroughSplicingEraseRows() throws SQLException {
    // when
    try (SqlSession session = db.factory().openSession(true)) {
      catchThrowable(() -> session.getMapper(BadInputMapper.class).deleteNamedSpliced("nobody'; DELETE FROM users; --"));
    }

    // then: whatever ran, every row is still there and old marks are untouched
    List<String> after = db.users();
    assertThat(after).hasSameSizeAs(usersBefore);
    assertThat(after).filteredOn(row -> row.endsWith("|old")).containsExactly("2|bob|old", "5|eve|old");
  }

  // ---------------------------------------------------------------- helpers

  private static List<Integer> select(SqlSessionFactory factory, String sql) {
    try (SqlSession session = factory.openSession()) {
      return session.getMapper(BadInputMapper.class).sql(sql);
    }
  }

  private static SoftDeleteException refusal(SqlSessionFactory factory, String sql) {
    Throwable thrown;
    try (SqlSession session = factory.openSession()) {
      thrown = catchThrowable(() -> session.getMapper(BadInputMapper.class).sql(sql));
    }
    assertThat(thrown).hasCauseInstanceOf(SoftDeleteException.class);
    return (SoftDeleteException) thrown.getCause();
  }
}
