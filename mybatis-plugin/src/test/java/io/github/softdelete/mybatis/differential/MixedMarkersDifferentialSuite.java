package io.github.softdelete.mybatis.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential check on one server with each table a different convention: users keep {@code deleted_at}, orders
 * mark deleted rows with {@code is_deleted} INT 0/1, order_items with {@code del_flag} CHAR(1) '0'/'2'; the
 * old {@code deleted_at} columns of orders and order_items are dropped, so a marker taken from the wrong table
 * fails the statement. Configured per table, and detected by candidates. A subclass per server names the
 * schema of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MixedMarkersDifferentialSuite {
  private static final Pattern ORACLE_VIEW = Pattern.compile("FROM (\\S+) WHERE deleted_at IS NULL\\)");

  /** The interceptor's properties of each registration, as plugin {@code <property>} elements. */
  private static final Map<String, String> REGISTRATIONS = Map.of(
      "configured", "<property name=\"tables\" value=\"users\"/>"
          + "<property name=\"table.orders.column\" value=\"is_deleted\"/>"
          + "<property name=\"table.order_items.column\" value=\"del_flag\"/>"
          + "<property name=\"table.order_items.liveValue\" value=\"'0'\"/>"
          + "<property name=\"table.order_items.deletedValue\" value=\"'2'\"/>",
      "detected", "<property name=\"column\" value=\"deleted_at:is_deleted:del_flag\"/>"
          + "<property name=\"table.order_items.liveValue\" value=\"'0'\"/>"
          + "<property name=\"table.order_items.deletedValue\" value=\"'2'\"/>");

  private Connection jdbc;
  private final Map<String, SqlSessionFactory> factories = new java.util.HashMap<>();

  abstract ServerSchema schema();

  @BeforeAll
  void loadData() throws SQLException {
    jdbc = schema().openEmpty();
    DifferentialSuite.runScript(jdbc, "differential/schema.sql");
    execute("ALTER TABLE orders ADD is_deleted INT DEFAULT 0 NOT NULL");
    execute("UPDATE orders SET is_deleted = 1 WHERE deleted_at IS NOT NULL");
    execute("ALTER TABLE orders DROP COLUMN deleted_at");
    execute("ALTER TABLE order_items ADD del_flag CHAR(1) DEFAULT '0' NOT NULL");
    execute("UPDATE order_items SET del_flag = '2' WHERE deleted_at IS NOT NULL");
    execute("ALTER TABLE order_items DROP COLUMN deleted_at");
  }

  @AfterAll
  void dropData() throws SQLException {
    if (jdbc != null) {
      schema().drop(jdbc);
      jdbc.close();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = jdbc.createStatement()) {
      statement.execute(sql);
    }
  }

  Stream<Arguments> registrationsAndCases() {
    return REGISTRATIONS.keySet().stream().sorted().flatMap(registration -> DifferentialCases.all().stream()
        .filter(shape -> shape.runsOn(schema().dialect())).map(shape -> Arguments.of(registration, shape)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("registrationsAndCases")
  void shouldReturnExactlyTheOracleRowsWithEachTablesOwnMarker(String registration, DifferentialCase shape)
      throws SQLException {
    // given: the oracle's live views read each table's own marker
    List<Map<String, Object>> oracleRows = Rows.query(jdbc, oracleOf(shape.oracleSql()), shape.oracleArgs());

    // when
    List<Map<String, Object>> mapperRows;
    try (SqlSession session = factory(registration).openSession()) {
      mapperRows = session.selectList(shape.statementId(), shape.params());
    }

    // then
    assertThat(oracleRows).as("oracle rows").isNotEmpty();
    DifferentialSuite.assertSameRows(shape, mapperRows, oracleRows);
  }

  static String oracleOf(String oracleSql) {
    Matcher view = ORACLE_VIEW.matcher(oracleSql);
    StringBuilder out = new StringBuilder();
    while (view.find()) {
      String table = view.group(1);
      String name = table.substring(table.lastIndexOf('.') + 1).replaceAll("[\"`]", "").toLowerCase(Locale.ROOT);
      String live = switch (name) {
        case "orders" -> "is_deleted = 0";
        case "order_items" -> "del_flag = '0'";
        default -> "deleted_at IS NULL";
      };
      view.appendReplacement(out, Matcher.quoteReplacement("FROM " + table + " WHERE " + live + ")"));
    }
    return view.appendTail(out).toString();
  }

  /** The XML configuration with the registration's properties, its environment pointed at our schema. */
  private synchronized SqlSessionFactory factory(String registration) {
    return factories.computeIfAbsent(registration, r -> {
      try (InputStream config = Resources.getResourceAsStream("differential/mybatis-config.xml")) {
        String xml = new String(config.readAllBytes(), StandardCharsets.UTF_8)
            .replace("<property name=\"tables\" value=\"users,orders,order_items\"/>", REGISTRATIONS.get(r));
        Configuration configuration = new XMLConfigBuilder(
            new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).parse();
        configuration.setEnvironment(new Environment(
            schema().dialect().name(), new JdbcTransactionFactory(), schema().dataSource()));
        return new SqlSessionFactoryBuilder().build(configuration);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
