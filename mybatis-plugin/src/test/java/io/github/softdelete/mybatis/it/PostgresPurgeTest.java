package io.github.softdelete.mybatis.it;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge and archive on a real PostgreSQL, with a {@code timestamptz} marker, found by schema or search path. */
class PostgresPurgeTest {
  private static final String SCHEMA = "softdelete_it_purge_pg";

  private Jdbc db;

  @BeforeEach
  void createTables() throws SQLException {
    db = new Jdbc(Databases.postgres(), List.of());
    db.execute(
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "CREATE SCHEMA " + SCHEMA,
        "SET search_path TO " + SCHEMA,
        "CREATE TABLE documents (id INT PRIMARY KEY, title TEXT NOT NULL, deleted_at TIMESTAMPTZ NULL)",
        "CREATE TABLE documents_archive (id INT PRIMARY KEY, title TEXT NOT NULL, deleted_at TIMESTAMPTZ NULL,"
            + " archived_at TIMESTAMPTZ NOT NULL)");
    PurgeScenario.insertRows(db, "now() - interval '1 hour'");
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (db != null) {
      db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      db.close();
    }
  }

  @Test
  void shouldPurgeAndArchiveInTheSchemaOfTheSearchPath() throws SQLException {
    PurgeScenario.purgeAndCheck(db, "documents", Databases.POSTGRES_URL + "&currentSchema=" + SCHEMA, "postgres");
  }

  @Test
  void shouldPurgeAndArchiveATableNamedWithItsSchema() throws SQLException {
    PurgeScenario.purgeAndCheck(db, SCHEMA + ".documents", Databases.POSTGRES_URL, "postgres");
  }
}
