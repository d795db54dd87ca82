package io.github.softdelete.mybatis.it;

import static io.github.softdelete.mybatis.it.Jdbc.rewritten;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, bug 3, on real databases: a DELETE whose subquery refers to the row being deleted while an inner
 * block names the same table again, spelled otherwise, stays correlated and marks the rows a DELETE of the
 * live rows erases. Worked out by hand: live managers of live users named a... are ann (1) and abe (2), so
 * their reports abe (2) and amy (3) go; ada (9) is deleted, so her manager dan (7) does not count and cy (8)
 * stays. On MariaDB, whose table names are case-sensitive here, the other spelling is the schema.
 */
class CorrelationResolvedByScopeRowsTest {
  private static final String SCHEMA = "softdelete_it_scope";
  private static final String OLD_MARK = "2020-01-01 00:00:00";

  @Test
  void shouldMarkReportsOfMatchingManagersOnH2() throws SQLException {
    try (Jdbc db = new Jdbc(DriverManager.getConnection("jdbc:h2:mem:" + SCHEMA + ";DB_CLOSE_DELAY=-1"),
        List.of("users"))) {
      db.execute("CREATE SCHEMA " + SCHEMA, "SET SCHEMA " + SCHEMA);
      thenReportsOfMatchingManagersAreMarked(db, "DELETE FROM " + SCHEMA + ".USERS WHERE EXISTS (SELECT 1"
          + " FROM users m WHERE m.id = users.manager_id AND m.id IN (SELECT manager_id FROM USERS"
          + " WHERE name LIKE 'a%'))");
      db.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }
  }

  @Test
  void shouldMarkReportsOfMatchingManagersOnPostgres() throws SQLException {
    try (Jdbc db = new Jdbc(Databases.postgres(), List.of("users"))) {
      db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
          "SET search_path TO " + SCHEMA);
      try {
        thenReportsOfMatchingManagersAreMarked(db, "DELETE FROM " + SCHEMA + ".USERS WHERE EXISTS (SELECT 1"
            + " FROM users m WHERE m.id = users.manager_id AND m.id IN (SELECT manager_id FROM \"users\""
            + " WHERE name LIKE 'a%'))");
      } finally {
        db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      }
    }
  }

  @Test
  void shouldMarkReportsOfMatchingManagersOnMariaDb() throws SQLException {
    try (Jdbc db = new Jdbc(Databases.mariaDb(), List.of("users"))) {
      db.execute("DROP DATABASE IF EXISTS " + SCHEMA, "CREATE DATABASE " + SCHEMA, "USE " + SCHEMA);
      try {
        thenReportsOfMatchingManagersAreMarked(db, "DELETE FROM " + SCHEMA + ".users WHERE EXISTS (SELECT 1"
            + " FROM users m WHERE m.id = users.manager_id AND m.id IN (SELECT manager_id FROM `users`"
            + " WHERE name LIKE 'a%'))");
      } finally {
        db.execute("DROP DATABASE IF EXISTS " + SCHEMA);
      }
    }
  }

  private static void thenReportsOfMatchingManagersAreMarked(Jdbc db, String delete) throws SQLException {
    db.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, manager_id INT NULL,"
            + " deleted_at TIMESTAMP NULL)",
        "INSERT INTO users (id, name, manager_id, deleted_at) VALUES (1, 'ann', NULL, NULL),"
            + " (2, 'abe', 1, NULL), (3, 'amy', 2, NULL), (4, 'bob', 3, NULL), (6, 'al', NULL, '" + OLD_MARK + "'),"
            + " (7, 'dan', 6, NULL), (8, 'cy', 7, NULL), (9, 'ada', 7, '" + OLD_MARK + "')");
    String sql = rewritten(delete);

    int count = db.update(sql);

    assertThat(sql).doesNotContain("softdelete_snapshot");
    assertThat(count).isEqualTo(2);
    assertThat(db.markedIds("users")).containsExactly("2", "3", "6", "9");
  }
}
