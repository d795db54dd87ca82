package io.github.softdelete.compat.shardingsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MyBatis with softdelete on a ShardingSphere-JDBC DataSource, on one server: every query returns exactly the
 * rows of its oracle (each soft table replaced by its live rows), and every write leaves the shards holding
 * exactly what the same statement through softdelete leaves in one unsharded database. A subclass per server
 * and per way softdelete reaches MyBatis: the interceptor registered in the Configuration
 * ({@link RegisteredShardedSuite}), or brought by the agent ({@link AgentShardedSuite}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShardedSoftDeleteSuite {
  static final String TABLES = "t_user,t_order,t_order_item,t_product";
  static final String CASCADE = "t_order_item.order_id->t_order.order_id";

  ShardedDatabases databases;
  SqlRecorder recorder;
  SqlSessionFactory sharded;
  private SqlSessionFactory control;

  abstract Server server();

  /** The databases this class creates, apart from every other suite's. */
  abstract DatabaseNames names();

  /**
   * Whether the Configuration registers the interceptor itself; otherwise the agent the JVM was started with
   * brings it (with {@link #TABLES} and {@link #CASCADE} as its options).
   */
  abstract boolean registersInterceptor();

  @BeforeAll
  void createDatabases() throws SQLException {
    databases = ShardedDatabases.create(server(), names());
    recorder = new SqlRecorder();
    sharded = factory(databases.sharded, configured(), recorder);
    control = factory(databases.control, configured(), new SqlRecorder());
  }

  @AfterAll
  void dropDatabases() throws Exception {
    if (databases != null) {
      databases.close();
    }
  }

  @BeforeEach
  void resetRows() throws SQLException {
    databases.reset();
    recorder.clear();
  }

  static Properties configured() {
    Properties properties = new Properties();
    properties.setProperty("tables", TABLES);
    properties.setProperty("cascade", CASCADE);
    return properties;
  }

  SqlSessionFactory factory(DataSource dataSource, Properties softDelete, SqlRecorder recorder) {
    Configuration configuration = new Configuration(
        new Environment("sharded", new JdbcTransactionFactory(), dataSource));
    // a null column stays in the row's map, as it does in a JDBC row
    configuration.setCallSettersOnNulls(true);
    configuration.addInterceptor(recorder);
    if (registersInterceptor()) {
      configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(softDelete)));
    }
    configuration.addMapper(DynamicMapper.class);
    return new SqlSessionFactoryBuilder().build(configuration);
  }

  static Stream<QueryShape> filteredShapes() {
    return QueryShapes.filtered().stream();
  }

  static Stream<QueryShape> sameAsOneDatabase() {
    return filteredShapes().filter(QueryShape::sameAsOneDatabase);
  }

  static Stream<QueryShape> perShard() {
    return filteredShapes().filter(shape -> !shape.sameAsOneDatabase());
  }

  static Stream<QueryShape> onlyDeletedShapes() {
    return QueryShapes.onlyDeleted().stream();
  }

  static Stream<WriteShape> writeShapes() {
    return WriteShapes.all().stream();
  }

  @Test
  void shouldKeepEachRowInTheShardItsShardingKeysName() throws SQLException {
    // given the rows inserted through ShardingSphere; then each order sits where the sharding algorithms say
    for (int shard = 0; shard < Server.SHARDS; shard++) {
      try (Connection connection = databases.shard(shard)) {
        for (String table : List.of("t_order_0", "t_order_1", "t_order_item_0", "t_order_item_1")) {
          String logical = table.substring(0, table.lastIndexOf('_'));
          for (Map<String, Object> row : Rows.query(connection, "SELECT user_id, order_id FROM " + table)) {
            int userId = ((Number) value(row, "user_id")).intValue();
            int orderId = ((Number) value(row, "order_id")).intValue();
            assertThat(Tables.actualTable(logical, userId, orderId)).isEqualTo("ds_" + shard + "." + table);
          }
        }
      }
    }
    assertThat(TableState.sharded(databases)).isEqualTo(TableState.control(databases));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameAsOneDatabase")
  void shouldReturnTheRowsOfTheOracleOnOneDatabase(QueryShape shape) throws SQLException {
    // given: ShardingSphere returns one database's rows for the statement as written
    assertThat(Rows.multiset(rawSharded(shape.sql()))).as("ShardingSphere, unfiltered")
        .isEqualTo(Rows.multiset(rawControl(shape.sql())));
    List<Map<String, Object>> oracle = oracleOnLiveViews(shape);
    assertThat(Rows.multiset(rawControl(shape.sql()))).as("unfiltered rows differ from the oracle's")
        .isNotEqualTo(Rows.multiset(oracle));

    // when
    List<Map<String, Object>> rows = select(shape.sql());

    // then
    assertSameRows(shape, rows, oracle);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filteredShapes")
  void shouldReturnTheRowsOfTheOracleRunThroughShardingSphere(QueryShape shape) throws SQLException {
    // given: the oracle, with each soft table a derived table of its live rows, run through ShardingSphere
    List<Map<String, Object>> oracle = rawSharded(shape.oracle());

    // when
    List<Map<String, Object>> rows = select(shape.sql());

    // then
    assertSameRows(shape, rows, oracle);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("perShard")
  void shouldBeRunPerShardByShardingSphereEvenUnfiltered(QueryShape shape) throws SQLException {
    // the rows of these differ from one database's because of ShardingSphere, not of softdelete
    assertThat(Rows.multiset(rawSharded(shape.sql()))).isNotEqualTo(Rows.multiset(rawControl(shape.sql())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameAsOneDatabase")
  void shouldReturnTheUnfilteredRowsUnderIncludeDeleted(QueryShape shape) throws SQLException {
    List<Map<String, Object>> rows = IncludeDeleted.get(() -> select(shape.sql()));

    assertSameRows(shape, rows, rawControl(shape.sql()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("onlyDeletedShapes")
  void shouldShowOnlyDeletedRowsOfTheOutermostFromListUnderOnlyDeleted(QueryShape shape) throws SQLException {
    // given
    List<Map<String, Object>> oracle = rawControlOf(shape.oracle());
    assertThat(oracle).as("oracle rows").isNotEmpty();

    // when
    List<Map<String, Object>> rows = OnlyDeleted.get(() -> select(shape.sql()));

    // then
    assertSameRows(shape, rows, oracle);
  }

  @Test
  void shouldHandShardingSphereTheStatementUnchangedWhenItNamesNoSoftTable() {
    String sql = "SELECT n.note_id, n.body FROM t_note n ORDER BY n.note_id";

    List<Map<String, Object>> rows = select(sql);

    assertThat(rows).hasSize(2);
    assertThat(recorder.statements()).containsExactly(sql);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writeShapes")
  void shouldLeaveTheShardsAsTheSameStatementLeavesOneDatabase(WriteShape shape) throws SQLException {
    // given
    Map<String, List<String>> before = TableState.sharded(databases);

    // when
    int shardedCount = shape.run(sql -> write(sharded, shape, sql));
    int controlCount = shape.run(sql -> write(control, shape, sql));

    // then
    assertThat(shardedCount).as("count").isEqualTo(controlCount);
    Map<String, List<String>> after = TableState.sharded(databases);
    assertThat(after).isEqualTo(TableState.control(databases));
    if (shape.scope() != WriteShape.Scope.UNDO && controlCount > 0) {
      assertThat(after).as("the statement changed something").isNotEqualTo(before);
    }
  }

  @Test
  void shouldRouteTheMarkingUpdateToTheOneShardTheShardingKeysName() throws SQLException {
    // given: a copy of order 101 in every other actual table, where only a statement sent to every shard
    // would find it (ShardingSphere reads only the shard the sharding algorithms name)
    List<String> decoys = List.of("ds_0.t_order_0", "ds_0.t_order_1", "ds_1.t_order_0");
    for (String decoy : decoys) {
      try (Connection connection = databases.shard(decoy.charAt(3) - '0');
          Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO " + decoy.substring(5) + " (order_id, user_id, status, amount)"
            + " VALUES (101, 1, 'PAID', 100.00)");
      }
    }

    // when
    int marked = write(sharded, WriteShape.of("delete", "DELETE FROM t_order WHERE order_id = 101 AND user_id = 1"),
        "DELETE FROM t_order WHERE order_id = 101 AND user_id = 1");

    // then
    assertThat(marked).isEqualTo(1);
    assertThat(markerOf("ds_1.t_order_1", 101)).isEqualTo("marked");
    for (String decoy : decoys) {
      assertThat(markerOf(decoy, 101)).as(decoy).isEqualTo("live");
    }
  }

  @Test
  void shouldMarkWhatTheSelfReferencingDeletesWhereSelectsShardByShard() throws SQLException {
    // given: the rows the DELETE's own WHERE selects through ShardingSphere, filtered as softdelete filters
    String where = " WHERE user_id IN (SELECT user_id FROM t_order WHERE status = 'CANCELLED')";
    List<String> selected = Rows.multiset(select("SELECT order_id FROM t_order" + where));

    // when: the snapshot form, IN (SELECT * FROM (SELECT ...) softdelete_snapshot), through ShardingSphere
    int marked = write(sharded, WriteShape.of("delete", "DELETE FROM t_order" + where), "DELETE FROM t_order" + where);
    int markedInOneDatabase = write(control, WriteShape.of("delete", "DELETE FROM t_order" + where),
        "DELETE FROM t_order" + where);

    // then: exactly those rows are marked; one database, where every shard's rows meet, marks more
    assertThat(recorder.statements()).anySatisfy(sql -> assertThat(sql).contains("softdelete_snapshot"));
    assertThat(marked).isEqualTo(selected.size());
    List<String> nowDeleted = Rows.multiset(OnlyDeleted.get(() -> select(
        "SELECT order_id FROM t_order WHERE deleted_at > TIMESTAMP '2026-06-01 00:00:00'")));
    assertThat(nowDeleted).isEqualTo(selected);
    assertThat(markedInOneDatabase).isGreaterThan(marked);
  }

  @Test
  void shouldChangeNothingWhenShardingSphereRefusesTheMarkingUpdateOfADeleteWithABroadcastSubquery()
      throws SQLException {
    // given
    Map<String, List<String>> before = TableState.sharded(databases);
    String delete = "DELETE FROM t_order_item WHERE sku IN (SELECT sku FROM t_product WHERE title = 'Book')";

    // when
    Throwable thrown = catchThrowable(() -> write(sharded, WriteShape.of("delete", delete), delete));

    // then: ShardingSphere refuses the UPDATE (as it refuses the DELETE as written) before any shard runs it
    assertThat(rootCause(thrown)).hasMessageContaining("Can not support DML operation with multiple tables");
    assertThat(recorder.statements()).singleElement().asString().startsWith("UPDATE t_order_item SET deleted_at");
    assertThat(TableState.sharded(databases)).isEqualTo(before);
    Throwable asWritten = catchThrowable(() -> rawSharded(delete));
    assertThat(asWritten).hasMessageContaining("Can not support DML operation with multiple tables");
  }

  @Test
  void shouldFailLikeTheUnfilteredJoinWhereTheSingleTableMeetsEveryShard() {
    // ShardingSphere without SQL federation sends the join to every database, and ds_1 has no t_user
    String join = "SELECT u.name, o.order_id FROM t_user u JOIN t_order o ON o.user_id = u.user_id";

    Throwable filtered = catchThrowable(() -> select(join));
    Throwable unfiltered = catchThrowable(() -> rawSharded(join));

    assertThat(rootCause(filtered)).isInstanceOf(SQLException.class).hasMessageContaining("t_user");
    assertThat(rootCause(unfiltered)).isInstanceOf(SQLException.class).hasMessageContaining("t_user");
  }

  @Test
  void shouldSeeActualTableNamesInShardingSphereMetadata() throws SQLException {
    // why detection refuses: ShardingSphere's metadata names t_order_0 and t_order_1, never t_order
    List<String> tables = new ArrayList<>();
    try (Connection connection = databases.sharded.getConnection();
        ResultSet columns = connection.getMetaData().getColumns(connection.getSchema(), null, "%", "deleted_at")) {
      while (columns.next()) {
        tables.add(columns.getString("TABLE_NAME"));
      }
    }
    assertThat(tables).contains("t_order_0", "t_order_1").doesNotContain("t_order", "t_order_item");
  }

  @Test
  void shouldChangeNoShardWhenShardingSphereLeavesTheUpsertsQualifierUnrenamed() throws SQLException {
    // given: an upsert that meets the deleted order 102; softdelete makes each assignment depend on
    // t_order.deleted_at, a qualifier ShardingSphere does not rename to t_order_0 inside the update part
    Map<String, List<String>> before = TableState.sharded(databases);
    String upsert = upsertSql();

    // when
    Throwable thrown = catchThrowable(() -> write(sharded, WriteShape.of("upsert", upsert), upsert));

    // then: the shard rejects it, nothing changed; one database revives the row
    assertThat(recorder.statements()).singleElement().asString().contains("t_order.deleted_at IS NULL");
    assertThat(rootCause(thrown)).isInstanceOf(SQLException.class).hasMessageContaining("t_order");
    assertThat(TableState.sharded(databases)).isEqualTo(before);
    assertThat(write(control, WriteShape.of("upsert", upsert), upsert)).isPositive();
  }

  /** An upsert in the server's own syntax that meets the deleted order 102. */
  private String upsertSql() {
    return server().upsertSql();
  }

  List<Map<String, Object>> select(String sql) {
    try (SqlSession session = sharded.openSession()) {
      return session.getMapper(DynamicMapper.class).select(sql);
    }
  }

  static int write(SqlSessionFactory factory, WriteShape shape, String sql) {
    try (SqlSession session = factory.openSession()) {
      DynamicMapper mapper = session.getMapper(DynamicMapper.class);
      Function<String, Integer> call = shape.isDelete() ? mapper::delete : mapper::update;
      int count = call.apply(sql);
      session.commit();
      return count;
    }
  }

  private List<Map<String, Object>> rawSharded(String sql) throws SQLException {
    try (Connection connection = databases.sharded.getConnection()) {
      if (!sql.startsWith("SELECT")) {
        try (Statement statement = connection.createStatement()) {
          statement.executeUpdate(sql);
          return List.of();
        }
      }
      return Rows.query(connection, sql);
    }
  }

  private List<Map<String, Object>> rawControl(String sql) throws SQLException {
    return rawControlOf(sql);
  }

  private List<Map<String, Object>> rawControlOf(String sql) throws SQLException {
    try (Connection connection = databases.control.getConnection()) {
      return Rows.query(connection, sql);
    }
  }

  private List<Map<String, Object>> oracleOnLiveViews(QueryShape shape) throws SQLException {
    try (Connection connection = databases.liveViews()) {
      return Rows.query(connection, shape.sql());
    }
  }

  private String markerOf(String actualTable, int orderId) throws SQLException {
    try (Connection connection = databases.shard(actualTable.charAt(3) - '0')) {
      List<Map<String, Object>> rows = Rows.query(connection,
          "SELECT deleted_at FROM " + actualTable.substring(5) + " WHERE order_id = " + orderId);
      assertThat(rows).hasSize(1);
      return value(rows.get(0), "deleted_at") == null ? "live" : "marked";
    }
  }

  private static void assertSameRows(QueryShape shape, List<Map<String, Object>> rows,
      List<Map<String, Object>> expected) {
    if (shape.sql().contains("ORDER BY")) {
      assertThat(Rows.ordered(rows)).as(shape.name() + ", in order").isEqualTo(Rows.ordered(expected));
    } else {
      assertThat(Rows.multiset(rows)).as(shape.name()).isEqualTo(Rows.multiset(expected));
    }
  }

  private static Object value(Map<String, Object> row, String column) {
    for (Map.Entry<String, Object> entry : row.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(column)) {
        return entry.getValue();
      }
    }
    throw new AssertionError("no column " + column + " in " + row);
  }

  private static Throwable rootCause(Throwable thrown) {
    assertThat(thrown).as("thrown").isNotNull();
    Throwable cause = thrown;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  static <T extends Throwable> T rootCauseOfType(Throwable thrown, Class<T> type) {
    assertThat(thrown).as("thrown").isNotNull();
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + thrown, thrown);
  }
}
