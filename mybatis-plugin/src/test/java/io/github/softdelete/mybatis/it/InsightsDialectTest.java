package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.insights.InsightQueries;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The insights recipe of docs/insights.md on real PostgreSQL and MariaDB servers, with the fixture of
 * {@code InsightsTest}.
 */
class InsightsDialectTest {
  private static final String NAME = "softdelete_it_insights";
  private static final String TABLE = "CREATE TABLE documents (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL,"
      + " created_at TIMESTAMP NOT NULL, deleted_at TIMESTAMP NULL, deleted_by VARCHAR(50), delete_reason VARCHAR(200))";

  @Test
  void shouldGiveTheSameNumbersOnPostgres() throws SQLException {
    try (Jdbc db = new Jdbc(Databases.postgres(), List.of())) {
      db.execute("DROP SCHEMA IF EXISTS " + NAME + " CASCADE", "CREATE SCHEMA " + NAME, "SET search_path TO " + NAME,
          TABLE, InsightQueries.FIXTURE);
      try {
        assertRecipe(db, InsightQueries.TIME_TO_DELETION_POSTGRES);
      } finally {
        db.execute("DROP SCHEMA IF EXISTS " + NAME + " CASCADE");
      }
    }
  }

  @Test
  void shouldGiveTheSameNumbersOnMariaDb() throws SQLException {
    try (Jdbc db = new Jdbc(Databases.mariaDb(), List.of())) {
      db.execute("DROP DATABASE IF EXISTS " + NAME, "CREATE DATABASE " + NAME, "USE " + NAME,
          TABLE.replace("TIMESTAMP", "DATETIME"), InsightQueries.FIXTURE);
      try {
        assertRecipe(db, InsightQueries.TIME_TO_DELETION);
      } finally {
        db.execute("DROP DATABASE IF EXISTS " + NAME);
      }
    }
  }

  private static void assertRecipe(Jdbc db, String timeToDeletion) throws SQLException {
    assertThat(db.rows(InsightQueries.PER_DAY)).containsExactly("2026-03-02|3", "2026-03-04|2");
    assertThat(db.rows(InsightQueries.WHO)).containsExactly("alice|3|2", "(unknown)|1|0", "bob|1|1");
    assertThat(db.rows(timeToDeletion).stream()
        .map(row -> String.join("|", java.util.Arrays.stream(row.split("\\|")).map(InsightQueries::plain).toList())))
        .containsExactly("5|1|31.6|72|1");
  }
}
