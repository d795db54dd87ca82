package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.uniquekeys.UniqueKeyScenario;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unique keys under soft deletes on a real PostgreSQL, through MyBatis: partial index, deletion token. */
class PostgresUniqueKeysTest {
  private static final String SCHEMA = "softdelete_it_unique_pg";

  private Jdbc db;

  @BeforeEach
  void createSchema() throws SQLException {
    db = new Jdbc(Databases.postgres(), List.of());
    db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA, "SET search_path TO " + SCHEMA);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (db != null) {
      db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      db.close();
    }
  }

  private UniqueKeyScenario scenario(String... options) {
    return UniqueKeyScenario.on("org.postgresql.Driver", Databases.POSTGRES_URL + "&currentSchema=" + SCHEMA,
        "postgres", "", options);
  }

  @Test
  void shouldFreeTheKeyOfADeletedRowWithAPartialUniqueIndex() throws SQLException {
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, email TEXT NOT NULL, deleted_at TIMESTAMPTZ)",
        "CREATE UNIQUE INDEX accounts_live_email ON accounts (email) WHERE deleted_at IS NULL");

    scenario().createDeleteRecreateDeleteAgain();
    assertThat(db.rows("SELECT id FROM accounts WHERE deleted_at IS NOT NULL ORDER BY id")).containsExactly("1", "2");
  }

  @Test
  void shouldFreeTheKeyOfADeletedRowWithADeletionToken() throws SQLException {
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, email TEXT NOT NULL,"
        + " deleted_token BIGINT NOT NULL DEFAULT 0, UNIQUE (email, deleted_token))");

    scenario("column=deleted_token", "liveValue=0", "deletedValue=id").createDeleteRecreateDeleteAgain();
    assertThat(db.rows("SELECT id || '|' || deleted_token FROM accounts ORDER BY id"))
        .containsExactly("1|1", "2|2", "3|0");
  }

  @Test
  void shouldLetLiveDuplicatesThroughWithUniqueOnEmailAndMarker() throws SQLException {
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, email TEXT NOT NULL, deleted_at TIMESTAMPTZ,"
        + " UNIQUE (email, deleted_at))");

    scenario().liveDuplicatesSlipThroughUniqueEmailAndMarker();
  }
}
