package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.uniquekeys.UniqueKeyScenario;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unique keys under soft deletes on a real MariaDB, through MyBatis: deletion token, generated live column. */
class MariaDbUniqueKeysTest {
  private static final String DATABASE = "softdelete_it_unique_maria";

  private Jdbc db;

  @BeforeEach
  void createDatabase() throws SQLException {
    db = new Jdbc(Databases.mariaDb(), List.of());
    db.execute("DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE, "USE " + DATABASE);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (db != null) {
      db.execute("DROP DATABASE IF EXISTS " + DATABASE);
      db.close();
    }
  }

  private UniqueKeyScenario scenario(String... options) {
    return UniqueKeyScenario.on("org.mariadb.jdbc.Driver", Databases.MARIADB_URL.replace("/test?", "/" + DATABASE + "?"),
        "root", "", options);
  }

  @Test
  void shouldFreeTheKeyOfADeletedRowWithADeletionToken() throws SQLException {
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL,"
        + " deleted_token BIGINT NOT NULL DEFAULT 0, UNIQUE (email, deleted_token))");

    scenario("column=deleted_token", "liveValue=0", "deletedValue=id").createDeleteRecreateDeleteAgain();
    assertThat(db.rows("SELECT CONCAT(id, '|', deleted_token) FROM accounts ORDER BY id"))
        .containsExactly("1|1", "2|2", "3|0");
  }

  @Test
  void shouldFreeTheKeyOfADeletedRowWithAGeneratedLiveColumn() throws SQLException {
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, deleted_at DATETIME NULL,"
        + " alive TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL, UNIQUE (email, alive))");

    scenario().createDeleteRecreateDeleteAgain();
    assertThat(db.rows("SELECT CONCAT(id, '|', COALESCE(alive, 'null')) FROM accounts ORDER BY id"))
        .containsExactly("1|null", "2|null", "3|1");
  }

  @Test
  void shouldLetLiveDuplicatesThroughWithUniqueOnEmailAndMarker() throws SQLException {
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, deleted_at DATETIME NULL,"
        + " UNIQUE (email, deleted_at))");

    scenario().liveDuplicatesSlipThroughUniqueEmailAndMarker();
  }
}
