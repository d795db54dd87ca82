package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL parser reads more than the databases run. Each form of DELETE and UPDATE the engine converts or
 * guards runs as written on H2, PostgreSQL and MariaDB (in a transaction rolled back), and through the engine
 * told that database: where the database rejects the form, the engine refuses it or writes SQL the database
 * rejects too, so that no statement that fails without softdelete changes rows with it; a form every database
 * rejects is refused on every database, the unknown one included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnrunnableFormsTest {
  private static final String SCHEMA = "softdelete_it_forms";
  private static final SqlRewriter ENGINE = new SqlRewriter(SoftTables.of(List.of("users", "orders")),
      SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP"));

  /**
   * The forms one database rejects that the engine converts all the same, each with why: the meaning is
   * unambiguous, and newer versions of that database run it.
   */
  private static final Map<String, Dialect> CONVERTED_THOUGH_REJECTED = Map.of(
      // MariaDB before 11.6 (here 10.11) and MySQL before 8.0.16 have no alias in a single-table DELETE
      "DELETE FROM users u WHERE u.id = 1", Dialect.MYSQL,
      "DELETE FROM users AS u WHERE u.id = 1", Dialect.MYSQL);

  private final Map<Dialect, Connection> databases = new EnumMap<>(Dialect.class);

  static Stream<String> forms() {
    return Stream.of(
        // DELETE: one table
        "DELETE FROM users WHERE id = 1",
        "DELETE FROM users u WHERE u.id = 1",
        "DELETE FROM users AS u WHERE u.id = 1",
        "DELETE users WHERE id = 1",
        "DELETE FROM users WHERE id = 1 ORDER BY id LIMIT 1",
        "DELETE FROM users ORDER BY id",
        "DELETE FROM users LIMIT 1",
        "DELETE FROM users WHERE id = 1 RETURNING id",
        "DELETE LOW_PRIORITY QUICK IGNORE FROM users WHERE id = 1",
        "DELETE QUICK FROM users WHERE id = 1",
        "WITH x AS (SELECT 1 AS id) DELETE FROM users WHERE id IN (SELECT id FROM x)",
        // DELETE: a join without the tables it deletes from
        "DELETE FROM users A JOIN orders B ON A.id = B.user_id AND B.x = 5",
        "DELETE FROM users A LEFT JOIN orders B ON A.id = B.user_id WHERE B.x = 5",
        "DELETE FROM users A, orders B WHERE A.id = B.user_id",
        // DELETE: MySQL's multi-table forms
        "DELETE users FROM users JOIN orders ON users.id = orders.user_id WHERE orders.x = 5",
        "DELETE u FROM users u JOIN orders o ON u.id = o.user_id WHERE o.x = 5",
        "DELETE o FROM orders o LEFT JOIN users u ON u.id = o.user_id WHERE u.id IS NULL",
        "DELETE u, o FROM users u JOIN orders o ON u.id = o.user_id WHERE o.x = 5",
        "DELETE u FROM users u, orders o WHERE u.id = o.user_id AND o.x = 5",
        "DELETE u FROM users u WHERE u.id = 1",
        "DELETE users FROM users",
        "DELETE u FROM users u JOIN orders o ON u.id = o.user_id ORDER BY u.id LIMIT 1",
        "DELETE u FROM users u JOIN orders o ON u.id = o.user_id LIMIT 1",
        "DELETE FROM users USING users, orders WHERE users.id = orders.user_id AND orders.x = 5",
        // DELETE: PostgreSQL's USING
        "DELETE FROM users USING orders WHERE users.id = orders.user_id AND orders.x = 5",
        "DELETE FROM users u USING orders o WHERE u.id = o.user_id AND o.x = 5",
        "DELETE FROM orders o USING users u WHERE o.user_id = u.id RETURNING o.id",
        // UPDATE
        "UPDATE users SET name = 'x' WHERE id = 1",
        "UPDATE users u SET u.name = 'x' WHERE u.id = 1",
        "UPDATE users u JOIN orders o ON u.id = o.user_id SET u.name = 'x' WHERE o.x = 5",
        "UPDATE users u LEFT JOIN orders o ON u.id = o.user_id SET u.name = 'x'",
        "UPDATE users u, orders o SET u.name = 'x' WHERE u.id = o.user_id",
        "UPDATE users u SET name = 'x' FROM orders o WHERE u.id = o.user_id",
        "UPDATE users SET name = 'x' ORDER BY id LIMIT 1",
        "UPDATE users u JOIN orders o ON u.id = o.user_id SET u.name = 'x' ORDER BY u.id LIMIT 1",
        "UPDATE users u JOIN orders o ON u.id = o.user_id SET u.name = 'x' FROM orders p",
        "UPDATE users SET (name, manager_id) = ('a', 1) WHERE id = 1",
        "UPDATE users SET name = 'x' WHERE id = 1 RETURNING id");
  }

  @BeforeAll
  void createTables() throws SQLException {
    databases.put(Dialect.H2, DriverManager.getConnection("jdbc:h2:mem:" + SCHEMA, "sa", ""));
    Connection postgres = Databases.postgres();
    execute(postgres, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
        "SET search_path TO " + SCHEMA);
    databases.put(Dialect.POSTGRESQL, postgres);
    Connection mariaDb = Databases.mariaDb();
    execute(mariaDb, "DROP DATABASE IF EXISTS " + SCHEMA, "CREATE DATABASE " + SCHEMA, "USE " + SCHEMA);
    databases.put(Dialect.MYSQL, mariaDb);
    for (Connection connection : databases.values()) {
      execute(connection,
          "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20), manager_id INT, deleted_at TIMESTAMP NULL)",
          "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT, x INT, deleted_at TIMESTAMP NULL)",
          "INSERT INTO users (id, name) VALUES (1, 'a'), (2, 'b')",
          "INSERT INTO orders (id, user_id, x) VALUES (10, 1, 5), (11, 2, 6)");
      connection.setAutoCommit(false);
    }
  }

  @AfterAll
  void dropTables() throws SQLException {
    for (Map.Entry<Dialect, Connection> database : databases.entrySet()) {
      Connection connection = database.getValue();
      connection.setAutoCommit(true);
      execute(connection, switch (database.getKey()) {
        case POSTGRESQL -> "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE";
        case MYSQL -> "DROP DATABASE IF EXISTS " + SCHEMA;
        default -> "DROP ALL OBJECTS";
      });
      connection.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void shouldNeverTurnAFormTheDatabaseRejectsIntoAChange(String form) {
    List<Dialect> rejecting = new ArrayList<>();
    for (Map.Entry<Dialect, Connection> database : databases.entrySet()) {
      Dialect dialect = database.getKey();
      if (runs(database.getValue(), form)) {
        continue;
      }
      rejecting.add(dialect);
      String converted = converted(dialect, form);
      if (CONVERTED_THOUGH_REJECTED.get(form) == dialect) {
        assertThat(converted).as("%s on %s: listed as converted", form, dialect).isNotNull();
        continue;
      }
      // then: refused, or what the engine writes fails there as the form does
      assertThat(converted == null || !runs(database.getValue(), converted))
          .as("%s, which %s rejects, became %s, which it runs", form, dialect, converted).isTrue();
    }
    if (rejecting.size() == databases.size()) {
      for (Dialect dialect : Dialect.values()) {
        assertThat(converted(dialect, form)).as("%s, rejected everywhere, on %s", form, dialect).isNull();
      }
    }
  }

  @Test
  void shouldTryFormsEachDatabaseRunsAndFormsItRejects() {
    // the list holds forms each database runs and forms it rejects, so both branches above are exercised
    for (Map.Entry<Dialect, Connection> database : databases.entrySet()) {
      long running = forms().filter(form -> runs(database.getValue(), form)).count();
      assertThat(running).as("forms %s runs", database.getKey()).isBetween(5L, forms().count() - 5);
    }
  }

  /** The engine's SQL for the form on that database, or {@code null} when it refuses the form. */
  private static String converted(Dialect dialect, String form) {
    try {
      return ENGINE.withDialect(dialect).rewrite(form, SoftDeleteMode.DEFAULT).sql();
    } catch (RewriteRefusedException refused) {
      return null;
    }
  }

  private static boolean runs(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
      return true;
    } catch (SQLException rejected) {
      return false;
    } finally {
      try {
        connection.rollback();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
