package io.github.softdelete.mybatis.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.IncludeDeleted;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end through MyBatis on H2: every query shape, run through a mapper with the interceptor registered,
 * returns exactly the rows of its oracle (the query over live views of the soft tables, run over plain JDBC).
 * Each oracle gives other rows than the unfiltered query on the test data, so an interceptor that lets the
 * SQL through unchanged fails here.
 */
class DifferentialTest {

  /** The same database as in both {@code mybatis-config*.xml}. */
  private static final String URL = "jdbc:h2:mem:softdelete_differential;DB_CLOSE_DELAY=-1";

  /** The two ways users register the interceptor. */
  enum Registration {
    TABLES_CONFIGURED("differential/mybatis-config.xml"),
    TABLES_DETECTED("differential/mybatis-config-detected.xml");

    final String configResource;

    Registration(String configResource) {
      this.configResource = configResource;
    }
  }

  private static Connection jdbc;
  private static final Map<Registration, SqlSessionFactory> FACTORIES = new EnumMap<>(Registration.class);

  @BeforeAll
  static void loadData() throws SQLException {
    jdbc = DriverManager.getConnection(URL, "sa", "");
    try (Statement statement = jdbc.createStatement()) {
      statement.execute("RUNSCRIPT FROM 'classpath:/differential/schema.sql'");
    }
  }

  @AfterAll
  static void closeConnection() throws SQLException {
    jdbc.close();
  }

  static Stream<DifferentialCase> cases() {
    return DifferentialCases.all().stream();
  }

  static Stream<Arguments> registrationsAndCases() {
    return Arrays.stream(Registration.values())
        .flatMap(registration -> cases().map(shape -> Arguments.of(registration, shape)));
  }

  @Test
  void shouldCoverAtLeastFortyDiscriminatingShapesEachNamedOnceWithAnOracle() {
    // given
    List<DifferentialCase> all = DifferentialCases.all();

    // then
    assertThat(all).filteredOn(DifferentialCase::discriminating).hasSizeGreaterThanOrEqualTo(40);
    assertThat(all).extracting(DifferentialCase::name).doesNotHaveDuplicates();
    assertThat(all).allSatisfy(shape -> assertThat(shape.oracleSql()).as(shape.name()).isNotBlank());
  }

  /**
   * Guards the hand-written oracles against typos: with each live view put back to its table name, an oracle
   * reads exactly as the SQL MyBatis renders for the mapped statement, and binds the same values.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldWriteTheOracleAsTheMappedQueryOverLiveViews(DifferentialCase shape) {
    // given
    RawQuery raw = RawQuery.of(shape.statementId(), shape.params());

    // when
    String oracleWithTablesPutBack = LIVE_VIEW.matcher(shape.oracleSql()).replaceAll("$1");

    // then
    assertThat(normalised(oracleWithTablesPutBack)).isEqualTo(normalised(raw.sql()));
    assertThat(shape.oracleArgs()).isEqualTo(raw.args());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldGiveOtherRowsThanTheOracleWhenRunUnfiltered(DifferentialCase shape) throws SQLException {
    // given
    RawQuery raw = RawQuery.of(shape.statementId(), shape.params());

    // when
    List<Map<String, Object>> rawRows = Rows.query(jdbc, raw.sql(), raw.args());
    List<Map<String, Object>> oracleRows = oracleRows(shape);

    // then
    assertThat(oracleRows).as("oracle rows").isNotEmpty();
    if (shape.discriminating()) {
      if (shape.ordered()) {
        assertThat(rawRows).as("unfiltered rows, in order").isNotEqualTo(oracleRows);
      } else {
        assertThat(Rows.multiset(rawRows)).as("unfiltered rows, as a multiset")
            .isNotEqualTo(Rows.multiset(oracleRows));
      }
    } else {
      assertSameRows(shape, rawRows, oracleRows);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("registrationsAndCases")
  void shouldReturnExactlyTheOracleRowsThroughTheInterceptor(Registration registration, DifferentialCase shape)
      throws SQLException {
    // given
    List<Map<String, Object>> oracleRows = oracleRows(shape);

    // when
    List<Map<String, Object>> mapperRows = select(registration, shape);

    // then
    assertSameRows(shape, mapperRows, oracleRows);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("registrationsAndCases")
  void shouldReturnExactlyTheUnfilteredRowsUnderIncludeDeleted(Registration registration, DifferentialCase shape)
      throws SQLException {
    // given
    RawQuery raw = RawQuery.of(shape.statementId(), shape.params());
    List<Map<String, Object>> rawRows = Rows.query(jdbc, raw.sql(), raw.args());

    // when
    List<Map<String, Object>> mapperRows = IncludeDeleted.get(() -> select(registration, shape));

    // then
    assertSameRows(shape, mapperRows, rawRows);
  }

  /** A live view, with the alias that only repeats the table name (given to an unaliased reference). */
  private static final Pattern LIVE_VIEW =
      Pattern.compile("\\(SELECT \\* FROM (\\S+) WHERE deleted_at IS NULL\\)(?: \\1(?=[\\s),]|$))?");

  /** Whitespace differences only: line breaks and indentation of the XML, spaces MyBatis puts around lists. */
  private static String normalised(String sql) {
    return sql.strip().replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Registration.class)
  void shouldReturnTheOracleRowsWhenCalledThroughTheMapperInterface(Registration registration)
      throws SQLException {
    // given: the case of the same statement, called here as applications call it
    DifferentialCase shape = DifferentialCases.all().stream()
        .filter(c -> c.statementId().equals(AnnotatedQueries.class.getName() + ".ordersWithItemsOfUser"))
        .findFirst()
        .orElseThrow();
    List<Map<String, Object>> oracleRows = oracleRows(shape);

    // when
    List<Map<String, Object>> mapperRows;
    try (SqlSession session = factory(registration).openSession()) {
      int userId = (Integer) shape.params().get("userId");
      mapperRows = session.getMapper(AnnotatedQueries.class).ordersWithItemsOfUser(userId);
    }

    // then
    assertSameRows(shape, mapperRows, oracleRows);
  }

  private static List<Map<String, Object>> oracleRows(DifferentialCase shape) throws SQLException {
    return Rows.query(jdbc, shape.oracleSql(), shape.oracleArgs());
  }

  /** A fresh session per query: no first-level cache shared between modes or cases. */
  private static List<Map<String, Object>> select(Registration registration, DifferentialCase shape) {
    try (SqlSession session = factory(registration).openSession()) {
      return session.selectList(shape.statementId(), shape.params());
    }
  }

  private static void assertSameRows(
      DifferentialCase shape, List<Map<String, Object>> actual, List<Map<String, Object>> expected) {
    if (shape.ordered()) {
      assertThat(actual).as(shape.name() + ", in order").containsExactlyElementsOf(expected);
    } else {
      assertThat(actual).as(shape.name() + ", as a multiset").containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static synchronized SqlSessionFactory factory(Registration registration) {
    return FACTORIES.computeIfAbsent(registration, r -> {
      try (InputStream config = Resources.getResourceAsStream(r.configResource)) {
        return new SqlSessionFactoryBuilder().build(config);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
