package io.github.softdelete.mybatis.it;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link MergeScenarios} on PostgreSQL 15, in a schema of its own. */
class PostgresMergeTest extends MergeScenarios {
  private static final String SCHEMA = "softdelete_it_merge_pg";

  @BeforeEach
  void createSchema() throws SQLException {
    db = new Jdbc(Databases.postgres(), List.of());
    db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
        "SET search_path TO " + SCHEMA, UpsertSessions.MEMBERS, UpsertSessions.MEMBER_ROWS, APPLICANTS,
        APPLICANT_ROWS);
    sessions = new UpsertSessions("org.postgresql.Driver", Databases.postgresUrl(SCHEMA), "postgres");
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (sessions != null) {
      sessions.close();
    }
    if (db != null) {
      db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      db.close();
    }
  }

  @Override
  String keyColumn() {
    return "id";
  }
}
