package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract end to end on a real server: XML mappers written as if soft deletes did not exist, MyBatis,
 * the interceptor, JDBC. A subclass per server creates the schema (or database) of its class before each
 * test, drops it after, and adds the server's own SQL shapes. Rows marked before a test carry 2020-01-01.
 *
 * <p>Given before each test: users ann 1, bob 2 (manager ann), cid 3 (manager bob), dee 4 (deleted), eve 5;
 * orders 10 (ann, 5), 11 (ann, 50, deleted), 12 (bob, 20), 13 (dee, 30); audit_log and accounts are not soft.
 */
abstract class MyBatisServerSuite {
  static final String OLD_MARK = "2020-01-01 00:00:00";

  Jdbc db;
  private final List<PooledDataSource> pools = new ArrayList<>();

  /** A connection to the server, for creating and dropping what the class needs. */
  abstract Jdbc connectAsAdmin();

  /** Drops and creates the schema (PostgreSQL) or database (MariaDB) {@code name}, then works in it. */
  abstract void recreateSchema(String name) throws SQLException;

  /** Makes the admin connection work in {@code name}. */
  abstract void useSchema(String name) throws SQLException;

  abstract void dropSchema(String name) throws SQLException;

  /** The schema (or database) of this class. */
  abstract String schema();

  abstract String driver();

  /** A URL whose connections work in {@code schema}. */
  abstract String url(String schema);

  abstract String user();

  /** The server's own mapper, namespace {@code dialect}. */
  abstract String dialectMapper();

  /** Tables the server's own tests need beyond users, orders, audit_log and accounts (DDL statements). */
  List<String> extraTables() {
    return List.of();
  }

  @BeforeEach
  void createSchema() throws SQLException {
    db = connectAsAdmin();
    recreateSchema(schema());
    List<String> ddl = new ArrayList<>(List.of(
        "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, manager_id INT NULL,"
            + " deleted_at TIMESTAMP NULL)",
        "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NOT NULL, amount INT NOT NULL,"
            + " note VARCHAR(40) NOT NULL DEFAULT '', deleted_at TIMESTAMP NULL)",
        "CREATE TABLE audit_log (id INT PRIMARY KEY, message VARCHAR(80) NOT NULL)",
        "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)",
        "INSERT INTO users (id, name, manager_id, deleted_at) VALUES (1, 'ann', NULL, NULL), (2, 'bob', 1, NULL),"
            + " (3, 'cid', 2, NULL), (4, 'dee', 1, '" + OLD_MARK + "'), (5, 'eve', 4, NULL)",
        "INSERT INTO orders (id, user_id, amount, deleted_at) VALUES (10, 1, 5, NULL),"
            + " (11, 1, 50, '" + OLD_MARK + "'), (12, 2, 20, NULL), (13, 4, 30, NULL)",
        "INSERT INTO audit_log (id, message) VALUES (1, 'created'), (2, 'checked')",
        "INSERT INTO accounts (id, name) VALUES (1, 'main'), (2, 'spare')"));
    ddl.addAll(extraTables());
    db.execute(ddl.toArray(new String[0]));
  }

  @AfterEach
  void dropSchemaAndPools() throws SQLException {
    pools.forEach(PooledDataSource::forceCloseAll);
    if (db != null) {
      dropSchema(schema());
      db.close();
    }
  }

  /** The interceptor with the soft tables named: users and orders. */
  SqlSession session() {
    return session(configured("users,orders"), schema());
  }

  /** The interceptor without "tables": the soft tables are found through JDBC metadata. */
  SqlSession detectingSession() {
    return session(new Properties(), schema());
  }

  static Properties configured(String tables) {
    Properties properties = new Properties();
    properties.setProperty("tables", tables);
    return properties;
  }

  /** An auto-commit session on a pool of its own whose connections work in {@code schema}. */
  SqlSession session(Properties interceptorProperties, String schema) {
    return factory(interceptorProperties, schema).openSession(true);
  }

  /** A factory on a pool of its own whose connections work in {@code schema}. */
  SqlSessionFactory factory(Properties interceptorProperties, String schema) {
    PooledDataSource pool = new PooledDataSource(driver(), url(schema), user(), "");
    pools.add(pool);
    Configuration configuration =
        new Configuration(new Environment("it", new JdbcTransactionFactory(), pool));
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(interceptorProperties)));
    addMapper(configuration, "io/github/softdelete/mybatis/it/CommonMapper.xml");
    addMapper(configuration, dialectMapper());
    addMapper(configuration, "io/github/softdelete/mybatis/it/CachedMapper.xml");
    return new SqlSessionFactoryBuilder().build(configuration);
  }

  private static void addMapper(Configuration configuration, String resource) {
    try (InputStream in = Resources.getResourceAsStream(resource)) {
      new XMLMapperBuilder(in, configuration, resource, configuration.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the interceptor refused: MyBatis wraps it as it wraps SQLExceptions. */
  static SoftDeleteException refusal(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(PersistenceException.class).hasCauseInstanceOf(SoftDeleteException.class);
    return (SoftDeleteException) thrown.getCause();
  }

  int physicalCount(String table) throws SQLException {
    return Integer.parseInt(db.rows("SELECT COUNT(*) FROM " + table).get(0));
  }

  @Test
  void shouldHideDeletedRowsFromSelect() {
    try (SqlSession session = session()) {
      assertThat(session.<String>selectList("common.userNames")).containsExactly("ann", "bob", "cid", "eve");
      // bob's order 12 is live; ann's 10 is live; dee is deleted, so her live order 13 does not bring her back
      assertThat(session.<String>selectList("common.namesOfUsersWithLiveOrders")).containsExactly("ann", "bob");
    }
  }

  @Test
  void shouldLeaveTheApplicationsOwnTrashQueryAsWritten() {
    try (SqlSession session = session()) {
      assertThat(session.<String>selectList("common.trashUserNames")).containsExactly("dee");
    }
  }

  @Test
  void shouldRestoreWithTheApplicationsOwnUpdateOutsideAnyScope() throws SQLException {
    try (SqlSession session = session()) {
      int restored = session.update("common.restoreUser", 4);

      assertThat(restored).isEqualTo(1);
      assertThat(db.markedIds("users")).isEmpty();
      assertThat(session.<String>selectList("common.userNames")).containsExactly("ann", "bob", "cid", "dee", "eve");
    }
  }

  @Test
  void shouldFilterTheJoinedTableTheApplicationForgotAndLeaveTheOneItConstrains() throws SQLException {
    db.execute("UPDATE orders SET deleted_at = '" + OLD_MARK + "' WHERE id = 13");
    try (SqlSession session = session()) {
      // ann's order 11 and dee's order 13 are deleted; dee herself is deleted, and users is not constrained
      assertThat(session.<String>selectList("common.namesOfUsersWithDeletedOrders")).containsExactly("ann");
    }
  }

  @Test
  void shouldMarkDeletedRowKeepItAndCountIt() throws SQLException {
    try (SqlSession session = session()) {
      // when
      int count = session.delete("common.deleteUser", 1);

      // then
      assertThat(count).isEqualTo(1);
      assertThat(physicalCount("users")).isEqualTo(5);
      assertThat(db.markedIds("users")).containsExactly("1", "4");
      assertThat(session.<String>selectList("common.userNames")).containsExactly("bob", "cid", "eve");
    }
  }

  @Test
  void shouldCountNothingAndKeepTheMarkWhenDeletingAnAlreadyDeletedRow() throws SQLException {
    try (SqlSession session = session()) {
      int count = session.delete("common.deleteUser", 4);

      assertThat(count).isZero();
      assertThat(db.rows("SELECT deleted_at FROM users WHERE id = 4")).containsExactly(OLD_MARK);
    }
  }

  @Test
  void shouldLeaveDeletedRowsUnchangedByUpdate() throws SQLException {
    try (SqlSession session = session()) {
      int deleted = session.update("common.renameUser", nameChange(4, "changed"));
      int live = session.update("common.renameUser", nameChange(2, "bobby"));

      assertThat(deleted).isZero();
      assertThat(live).isEqualTo(1);
      assertThat(db.rows("SELECT name FROM users ORDER BY id")).containsExactly("ann", "bobby", "cid", "dee", "eve");
    }
  }

  @Test
  void shouldShowAndRestoreDeletedRowsInsideIncludeDeleted() {
    try (SqlSession session = session()) {
      assertThat(IncludeDeleted.get(() -> session.<String>selectList("common.userNames")))
          .containsExactly("ann", "bob", "cid", "dee", "eve");

      int restored = IncludeDeleted.get(() -> session.update("common.restoreUser", 4));

      assertThat(restored).isEqualTo(1);
      assertThat(session.<String>selectList("common.userNames")).containsExactly("ann", "bob", "cid", "dee", "eve");
    }
  }

  @Test
  void shouldListOnlyDeletedRowsInsideOnlyDeleted() {
    try (SqlSession session = session()) {
      session.delete("common.deleteUser", 1);

      assertThat(OnlyDeleted.get(() -> session.<String>selectList("common.userNames")))
          .containsExactly("ann", "dee");
    }
  }

  @Test
  void shouldEraseTheRowInsideHardDelete() throws SQLException {
    try (SqlSession session = session()) {
      int count = HardDelete.get(() -> session.delete("common.deleteUser", 4));

      assertThat(count).isEqualTo(1);
      assertThat(physicalCount("users")).isEqualTo(4);
      assertThat(db.markedIds("users")).isEmpty();
    }
  }

  @Test
  void shouldRefuseTruncateOfSoftTableBeforeItReachesTheServer() throws SQLException {
    try (SqlSession session = session()) {
      SoftDeleteException e = refusal(() -> session.update("common.truncateUsers"));

      assertThat(e).hasMessage("softdelete: refused statement 'common.truncateUsers' on table 'users':"
          + " TRUNCATE would erase every row, soft-deleted or not; run it inside HardDelete.run(...)"
          + " if that is intended");
      assertThat(physicalCount("users")).isEqualTo(5);
    }
  }

  @Test
  void shouldDetectSoftTablesFromJdbcMetadataAndLeaveOtherTablesAlone() throws SQLException {
    try (SqlSession session = detectingSession()) {
      // when
      int deleted = session.delete("common.deleteUser", 2);
      int erased = session.delete("common.deleteAuditEntry", 1);

      // then: users has deleted_at, so it is soft; audit_log has not, so its DELETE is a real one
      assertThat(deleted).isEqualTo(1);
      assertThat(db.markedIds("users")).containsExactly("2", "4");
      assertThat(session.<String>selectList("common.userNames")).containsExactly("ann", "cid", "eve");
      assertThat(erased).isEqualTo(1);
      assertThat(session.<String>selectList("common.auditMessages")).containsExactly("checked");
    }
  }

  @Test
  void shouldIgnoreAnotherSchemasSoftTableOfTheSameNameWhenDetecting() throws SQLException {
    // given: in another schema, accounts has a deleted_at column; ours has none
    String other = schema() + "_other";
    try {
      recreateSchema(other);
      db.execute("CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, deleted_at TIMESTAMP NULL)");
      useSchema(schema());

      try (SqlSession session = detectingSession()) {
        // when
        List<String> names = session.selectList("common.accountNames");
        int count = session.delete("common.deleteAccount", 2);

        // then: our accounts is not soft: read as written, and its DELETE erases
        assertThat(names).containsExactly("main", "spare");
        assertThat(count).isEqualTo(1);
        assertThat(physicalCount("accounts")).isEqualTo(1);
        // while users, soft in our schema, still is
        assertThat(session.<String>selectList("common.userNames")).containsExactly("ann", "bob", "cid", "eve");
      }
    } finally {
      dropSchema(other);
    }
  }

  // ---------------------------------------------------------------- IncludeDeleted.tables(...)

  @Test
  void shouldListTheOrdersOfADeletedUserInsideAScopeOfUsers() {
    try (SqlSession session = session()) {
      List<String> outside = session.selectList("common.orderHistory");
      List<String> inside = IncludeDeleted.tables("users").get(() -> session.selectList("common.orderHistory"));
      List<String> nested = IncludeDeleted.tables("users").get(() -> IncludeDeleted.tables("ORDERS")
          .get(() -> session.selectList("common.orderHistory")));
      List<String> afterwards = session.selectList("common.orderHistory");

      // dee (4) is deleted, her order 13 is not; ann's order 11 is deleted
      assertThat(outside).containsExactly("10:ann", "12:bob");
      assertThat(inside).containsExactly("10:ann", "12:bob", "13:dee");
      assertThat(nested).containsExactly("10:ann", "11:ann", "12:bob", "13:dee");
      // the session's local cache: the same list for the same query in the same scope
      assertThat(afterwards).isSameAs(outside);
    }
  }

  @Test
  void shouldShowTheTrashOfOrdersWithTheirUsersDeletedOrNot() throws SQLException {
    db.execute("UPDATE orders SET deleted_at = '" + OLD_MARK + "' WHERE id = 13");
    try (SqlSession session = session()) {
      List<String> trash = OnlyDeleted.get(() -> session.selectList("common.orderHistory"));
      List<String> trashWithUsers = OnlyDeleted.get(() -> IncludeDeleted.tables("users")
          .get(() -> session.selectList("common.orderHistory")));
      List<String> entityListed = OnlyDeleted.get(() -> IncludeDeleted.tables("orders")
          .get(() -> session.selectList("common.orderHistory")));

      assertThat(trash).containsExactly("11:ann");
      assertThat(trashWithUsers).containsExactly("11:ann", "13:dee");
      assertThat(entityListed).containsExactly("11:ann");
    }
  }

  @Test
  void shouldReachTheDeletedRowsOfTheListedTableInAWriteAndStillMarkOnDelete() throws SQLException {
    try (SqlSession session = session()) {
      int renamedOutside = session.update("common.renameUser", nameChange(4, "dora"));
      int renamedInside = IncludeDeleted.tables("users").get(() -> session.update("common.renameUser",
          nameChange(4, "dora")));
      int notedOutside = session.update("common.noteOrdersOfUserNamed", Map.of("name", "dora"));
      int notedInside = IncludeDeleted.tables("users").get(() -> session.update("common.noteOrdersOfUserNamed",
          Map.of("name", "dora")));
      int deleted = IncludeDeleted.tables("users").get(() -> session.delete("common.deleteUser", 4));

      assertThat(renamedOutside).isZero();
      assertThat(renamedInside).isEqualTo(1);
      assertThat(notedOutside).isZero();
      assertThat(notedInside).isEqualTo(1);
      assertThat(db.rows("SELECT id FROM orders WHERE note = 'seen'")).containsExactly("13");
      // already deleted: a DELETE still marks live rows only, and leaves the mark as it was
      assertThat(deleted).isZero();
      assertThat(db.rows("SELECT deleted_at FROM users WHERE id = 4")).containsExactly(OLD_MARK);
      assertThat(physicalCount("users")).isEqualTo(5);
    }
  }

  @Test
  void shouldNotServeTheSecondLevelCacheOfAnotherScope() throws SQLException {
    SqlSessionFactory factory = factory(configured("users,orders"), schema());
    java.util.function.Supplier<List<String>> inNewSession = () -> {
      try (SqlSession session = factory.openSession(true)) {
        return session.selectList("cached.orderHistory");
      }
    };
    List<String> live = inNewSession.get();
    List<String> withUsers = IncludeDeleted.tables("users").get(inNewSession);
    // renamed behind MyBatis's back: only a query that misses the cache can see it
    db.execute("UPDATE users SET name = 'ANN' WHERE id = 1");

    List<String> liveFromCache = inNewSession.get();
    List<String> withUsersFromCache = IncludeDeleted.tables("users").get(inNewSession);
    List<String> withOrders = IncludeDeleted.tables("orders").get(inNewSession);

    assertThat(live).containsExactly("10:ann", "12:bob");
    assertThat(withUsers).containsExactly("10:ann", "12:bob", "13:dee");
    assertThat(liveFromCache).containsExactly("10:ann", "12:bob");
    assertThat(withUsersFromCache).containsExactly("10:ann", "12:bob", "13:dee");
    assertThat(withOrders).containsExactly("10:ANN", "11:ANN", "12:bob");
  }

  static Map<String, Object> nameChange(int id, String name) {
    return Map.of("id", id, "name", name);
  }
}
