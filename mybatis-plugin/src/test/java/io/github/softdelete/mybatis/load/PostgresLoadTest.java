package io.github.softdelete.mybatis.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.it.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
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
 * Sixteen threads, a HikariCP pool of eight connections, PostgreSQL: a fixed number of operations mixing the
 * four modes and reads, joins, subqueries, updates and rolled-back deletes. Every result is checked against
 * what the fixed data says for that mode; every task first checks that no mode leaked into its pooled thread
 * from the task before, and some tasks fail inside a scope on purpose.
 */
class PostgresLoadTest {
  static final String SCHEMA = "softdelete_load";
  static final int USERS = 300;
  static final int OPERATIONS = 4_000;
  static final int THREADS = 16;

  private Connection admin;
  private HikariDataSource pool;

  @BeforeEach
  void createData() throws SQLException {
    admin = Databases.postgres();
    execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".users (id INT PRIMARY KEY, name TEXT, deleted_at TIMESTAMP NULL)",
        "CREATE TABLE " + SCHEMA + ".orders (id INT PRIMARY KEY, user_id INT, deleted_at TIMESTAMP NULL)",
        // every third user deleted; user u has an order (id u) iff u is even, every fifth order deleted
        "INSERT INTO " + SCHEMA + ".users SELECT g, 'u' || g, CASE WHEN g % 3 = 0 THEN TIMESTAMP '2020-01-01'"
            + " END FROM generate_series(1, " + USERS + ") g",
        "INSERT INTO " + SCHEMA + ".orders SELECT g, g, CASE WHEN g % 5 = 0 THEN TIMESTAMP '2020-01-01' END"
            + " FROM generate_series(2, " + USERS + ", 2) g");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(Databases.POSTGRES_URL + "&currentSchema=" + SCHEMA);
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    config.setAutoCommit(false);
    pool = new HikariDataSource(config);
  }

  @AfterEach
  void dropData() throws SQLException {
    if (pool != null) {
      pool.close();
    }
    if (admin != null) {
      execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      admin.close();
    }
  }

  @Test
  void shouldGiveEveryOperationTheResultOfItsModeUnderLoadWithoutLeakingScopes() throws Exception {
    // given
    SqlSessionFactory factory = factory();
    List<String> marksBefore = rows("SELECT id, deleted_at FROM users UNION ALL SELECT -id, deleted_at FROM orders"
        + " ORDER BY 1");
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<String>> results = new ArrayList<>();

    // when
    for (int i = 0; i < OPERATIONS; i++) {
      long seed = i;
      results.add(threads.submit(() -> operation(factory, new Random(seed))));
    }
    List<String> wrong = new ArrayList<>();
    for (Future<String> result : results) {
      String problem = result.get();
      if (problem != null) {
        wrong.add(problem);
      }
    }
    threads.shutdown();

    // then
    assertThat(wrong).as("operations with a wrong result").isEmpty();
    assertThat(rows("SELECT id, deleted_at FROM users UNION ALL SELECT -id, deleted_at FROM orders ORDER BY 1"))
        .as("every row and every mark, after all the rolled-back deletes").isEqualTo(marksBefore);
  }

  /** One operation in a random mode; the problem found, or {@code null} when its result was right. */
  private static String operation(SqlSessionFactory factory, Random random) {
    if (SoftDeleteMode.current() != SoftDeleteMode.DEFAULT) {
      return "a task started in mode " + SoftDeleteMode.current() + ": a scope leaked from the task before";
    }
    int from = 1 + random.nextInt(USERS);
    int to = Math.min(USERS, from + random.nextInt(40));
    int kind = random.nextInt(6);
    SoftDeleteMode drawn = SoftDeleteMode.values()[random.nextInt(SoftDeleteMode.values().length)];
    // what a DELETE does under OnlyDeleted is not part of the contract yet: deletes run in the other modes
    SoftDeleteMode mode = kind == 4 && drawn == SoftDeleteMode.ONLY_DELETED ? SoftDeleteMode.DEFAULT : drawn;
    if (kind == 5) {
      // a task that fails inside a scope: the scope must still be gone when the next task starts
      try {
        inMode(mode, () -> {
          throw new IllegalStateException("on purpose");
        });
      } catch (IllegalStateException expected) {
        return null;
      }
      return "the failure inside the scope was lost";
    }
    return inMode(mode, () -> {
      try (SqlSession session = factory.openSession()) {
        LoadMapper mapper = session.getMapper(LoadMapper.class);
        long got;
        long want;
        switch (kind) {
          case 0 -> {
            got = mapper.countUsers(from, to);
            want = count(from, to, u -> userVisible(u, mode));
          }
          case 1 -> {
            got = mapper.countOrdersOfUsers(from, to);
            // orders is the FROM table here: under OnlyDeleted its deleted rows, joined to live users
            want = count(from, to, u -> u % 2 == 0 && (mode == SoftDeleteMode.ONLY_DELETED
                ? u % 5 == 0 && u % 3 != 0
                : userVisible(u, mode) && orderVisibleAsJoined(u, mode)));
          }
          case 2 -> {
            got = mapper.countUsersWithOrders(from, to);
            want = count(from, to, u -> u % 2 == 0 && userVisible(u, mode) && orderVisibleAsJoined(u, mode));
          }
          case 3 -> {
            got = mapper.rename(from, "renamed");
            session.rollback(true);
            // the rows an UPDATE may touch are the rows its mode shows
            want = userVisible(from, mode) ? 1 : 0;
          }
          default -> {
            got = mapper.deleteOrder(from);
            session.rollback(true);
            want = deleteCount(from, mode);
          }
        }
        return got == want ? null
            : "kind " + kind + " in " + mode + " for " + from + ".." + to + ": got " + got + ", expected " + want;
      }
    });
  }

  private static boolean userVisible(int id, SoftDeleteMode mode) {
    boolean deleted = id % 3 == 0;
    return switch (mode) {
      case INCLUDE_DELETED -> true;
      case ONLY_DELETED -> deleted;
      default -> !deleted;
    };
  }

  /** Orders come in by JOIN or subquery: filtered as usual even under OnlyDeleted. */
  private static boolean orderVisibleAsJoined(int id, SoftDeleteMode mode) {
    return mode == SoftDeleteMode.INCLUDE_DELETED || id % 5 != 0;
  }

  private static long deleteCount(int id, SoftDeleteMode mode) {
    boolean exists = id % 2 == 0;
    boolean deleted = id % 5 == 0;
    if (!exists) {
      return 0;
    }
    // HardDelete erases as written; otherwise only live rows are newly marked
    return mode == SoftDeleteMode.HARD_DELETE || !deleted ? 1 : 0;
  }

  private static long count(int from, int to, java.util.function.IntPredicate visible) {
    long n = 0;
    for (int u = from; u <= to; u++) {
      n += visible.test(u) ? 1 : 0;
    }
    return n;
  }

  private static <T> T inMode(SoftDeleteMode mode, Supplier<T> work) {
    return switch (mode) {
      case INCLUDE_DELETED -> IncludeDeleted.get(work);
      case ONLY_DELETED -> OnlyDeleted.get(work);
      case HARD_DELETE -> HardDelete.get(work);
      default -> work.get();
    };
  }

  private SqlSessionFactory factory() {
    Properties props = new Properties();
    props.setProperty("tables", "users,orders");
    Configuration configuration = new Configuration(new Environment("load", new JdbcTransactionFactory(), pool));
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(props)));
    configuration.addMapper(LoadMapper.class);
    return new SqlSessionFactoryBuilder().build(configuration);
  }

  private void execute(String... statements) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = admin.createStatement();
        ResultSet result = statement.executeQuery(sql.replace("FROM users", "FROM " + SCHEMA + ".users")
            .replace("FROM orders", "FROM " + SCHEMA + ".orders"))) {
      while (result.next()) {
        rows.add(result.getString(1) + "|" + result.getString(2));
      }
    }
    return rows;
  }
}
