package io.github.softdelete.mybatis.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end through MyBatis on one database server: every query shape the server can run, called through a
 * mapper with the interceptor registered, returns exactly the rows of its oracle (the query over live views of
 * the soft tables, run over plain JDBC). Each oracle gives other rows than the unfiltered query on the test
 * data, so an interceptor that lets the SQL through unchanged fails here. A subclass per server prepares an
 * empty schema of its own and removes it afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DifferentialSuite {

  /** The two ways users register the interceptor. */
  enum Registration {
    TABLES_CONFIGURED("differential/mybatis-config.xml"),
    TABLES_DETECTED("differential/mybatis-config-detected.xml");

    final String configResource;

    Registration(String configResource) {
      this.configResource = configResource;
    }
  }

  private Connection jdbc;
  private final Map<Registration, SqlSessionFactory> factories = new EnumMap<>(Registration.class);

  /** The class's own schema (or database) on its server. */
  abstract ServerSchema schema();

  final Dialect dialect() {
    return schema().dialect();
  }

  /** Where MyBatis connects: the same schema; {@code null} keeps the environment of the XML configuration. */
  DataSource dataSource() {
    return schema().dataSource();
  }

  /** The names of the cases this server cannot run, spelt out so that an exclusion is never silent. */
  abstract List<String> expectedExclusions();

  @BeforeAll
  void loadData() throws SQLException {
    jdbc = schema().openEmpty();
    runScript(jdbc, "differential/schema.sql");
  }

  @AfterAll
  void dropData() throws SQLException {
    if (jdbc != null) {
      schema().drop(jdbc);
      jdbc.close();
    }
  }

  Stream<DifferentialCase> cases() {
    return DifferentialCases.all().stream().filter(shape -> shape.runsOn(dialect()));
  }

  Stream<Arguments> registrationsAndCases() {
    return Arrays.stream(Registration.values())
        .flatMap(registration -> cases().map(shape -> Arguments.of(registration, shape)));
  }

  @Test
  void shouldRunAtLeastFortyDiscriminatingShapesOnThisServer() {
    assertThat(cases().filter(DifferentialCase::discriminating)).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void shouldExcludeExactlyTheListedCasesAndOnlyOnesTheServerRejects() {
    // given
    List<DifferentialCase> excluded = DifferentialCases.all().stream()
        .filter(shape -> !shape.runsOn(dialect()))
        .toList();

    // then: an exclusion hides no bug of ours: the server refuses the statement as the application wrote it
    assertThat(excluded).extracting(DifferentialCase::name).containsExactlyElementsOf(expectedExclusions());
    for (DifferentialCase shape : excluded) {
      RawQuery raw = RawQuery.of(shape.statementId(), shape.params());
      Throwable thrown = catchThrowable(() -> Rows.query(jdbc, raw.sql(), raw.args()));
      assertThat(thrown).as(shape.name() + ": " + shape.exclusions().get(dialect()))
          .isInstanceOf(SQLException.class);
    }
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

  Stream<TrashCase> trashCases() {
    return TrashCases.all().stream();
  }

  Stream<Arguments> registrationsAndTrashSpellings() {
    return Arrays.stream(Registration.values()).flatMap(registration -> trashCases()
        .flatMap(trash -> trash.statementIds().stream().map(id -> Arguments.of(registration, trash, id))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trashCases")
  void shouldGiveTheTrashOracleOtherRowsThanTheDefaultModeAndThanEveryTableDeleted(TrashCase trash)
      throws SQLException {
    // when
    List<Map<String, Object>> oracleRows = Rows.query(jdbc, trash.oracleSql(), List.of());

    // then: the check below can catch a rule that flips no table, or the joined ones too
    assertThat(oracleRows).as("trash oracle rows").isNotEmpty();
    assertThat(Rows.multiset(oracleRows)).as("default mode rows")
        .isNotEqualTo(Rows.multiset(Rows.query(jdbc, trash.liveSql(), List.of())));
    assertThat(Rows.multiset(oracleRows)).as("rows with every table deleted")
        .isNotEqualTo(Rows.multiset(Rows.query(jdbc, trash.everyTableDeletedSql(), List.of())));
  }

  @ParameterizedTest(name = "{0}: {1}, {2}")
  @MethodSource("registrationsAndTrashSpellings")
  void shouldReturnTheTrashOracleRowsForEverySpellingUnderOnlyDeleted(Registration registration, TrashCase trash,
      String statementId) throws SQLException {
    // given
    List<Map<String, Object>> oracleRows = Rows.query(jdbc, trash.oracleSql(), List.of());

    // when
    List<Map<String, Object>> mapperRows = OnlyDeleted.get(() -> {
      try (SqlSession session = factory(registration).openSession()) {
        return session.<Map<String, Object>>selectList(statementId);
      }
    });

    // then
    assertThat(mapperRows).as(statementId + ", as a multiset").containsExactlyInAnyOrderElementsOf(oracleRows);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Registration.class)
  void shouldCheckLiveRowsInAnInsertUnlessOneExistsUnderOnlyDeleted(Registration registration) {
    try (SqlSession session = factory(registration).openSession()) {
      try {
        // when: Grace (7) has only deleted orders, Alice (1) a live one, Erin (5) is deleted
        int forGrace = OnlyDeleted.get(() -> insertOrderUnlessUserHasOne(session, 900, 7));
        int forAlice = OnlyDeleted.get(() -> insertOrderUnlessUserHasOne(session, 901, 1));
        int forErin = OnlyDeleted.get(() -> insertOrderUnlessUserHasOne(session, 902, 5));

        // then: the write decided on live rows, as outside the scope
        assertThat(List.of(forGrace, forAlice, forErin)).containsExactly(1, 0, 0);
        assertThat(session.<Integer>selectList("differential.orderIdsOfUser", Map.of("userId", 7)))
            .containsExactly(900);
      } finally {
        // the data stay as loaded for the other tests
        session.rollback(true);
      }
    }
  }

  private static int insertOrderUnlessUserHasOne(SqlSession session, int id, int userId) {
    return session.insert("differential.insertOrderUnlessUserHasOne", Map.of("id", id, "userId", userId));
  }

  private List<Map<String, Object>> oracleRows(DifferentialCase shape) throws SQLException {
    return Rows.query(jdbc, shape.oracleSql(), shape.oracleArgs());
  }

  /** A fresh session per query: no first-level cache shared between modes or cases. */
  private List<Map<String, Object>> select(Registration registration, DifferentialCase shape) {
    try (SqlSession session = factory(registration).openSession()) {
      return session.selectList(shape.statementId(), shape.params());
    }
  }

  static void assertSameRows(
      DifferentialCase shape, List<Map<String, Object>> actual, List<Map<String, Object>> expected) {
    if (shape.ordered()) {
      assertThat(actual).as(shape.name() + ", in order").containsExactlyElementsOf(expected);
    } else {
      assertThat(actual).as(shape.name() + ", as a multiset").containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /** The XML configuration as users write it; on a server other than H2 its environment points at our schema. */
  private synchronized SqlSessionFactory factory(Registration registration) {
    return factories.computeIfAbsent(registration, r -> {
      try (InputStream config = Resources.getResourceAsStream(r.configResource)) {
        Configuration configuration = new XMLConfigBuilder(config).parse();
        DataSource dataSource = dataSource();
        if (dataSource != null) {
          configuration.setEnvironment(
              new Environment(dialect().name(), new JdbcTransactionFactory(), dataSource));
        }
        return new SqlSessionFactoryBuilder().build(configuration);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Runs a script of statements ended by {@code ;}, without {@code --} comments: portable where the servers'
   * own script commands (H2's RUNSCRIPT, psql, mariadb) are not.
   */
  static void runScript(Connection connection, String resource) throws SQLException {
    String script;
    try (InputStream in = Resources.getResourceAsStream(resource)) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String withoutComments = script.replaceAll("--[^\n]*", "");
    try (Statement statement = connection.createStatement()) {
      for (String sql : withoutComments.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql.strip());
        }
      }
    }
  }
}
