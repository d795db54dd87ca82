package io.github.softdelete.mybatis.it;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge and archive on a real MariaDB, with a {@code DATETIME} marker, found by current or named database. */
class MariaDbPurgeTest {
  private static final String DATABASE = "softdelete_it_purge_maria";

  private Jdbc db;

  @BeforeEach
  void createTables() throws SQLException {
    db = new Jdbc(Databases.mariaDb(), List.of());
    db.execute(
        "DROP DATABASE IF EXISTS " + DATABASE,
        "CREATE DATABASE " + DATABASE,
        "USE " + DATABASE,
        "CREATE TABLE documents (id INT PRIMARY KEY, title VARCHAR(40) NOT NULL, deleted_at DATETIME NULL)",
        "CREATE TABLE documents_archive (id INT PRIMARY KEY, title VARCHAR(40) NOT NULL, deleted_at DATETIME NULL,"
            + " archived_at DATETIME NOT NULL)");
    PurgeScenario.insertRows(db, "NOW() - INTERVAL 1 HOUR");
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (db != null) {
      db.execute("DROP DATABASE IF EXISTS " + DATABASE);
      db.close();
    }
  }

  @Test
  void shouldPurgeAndArchiveInTheConnectionsDatabase() throws SQLException {
    PurgeScenario.purgeAndCheck(db, "documents",
        Databases.MARIADB_URL.replace("/test?", "/" + DATABASE + "?"), "root");
  }

  @Test
  void shouldPurgeAndArchiveATableNamedWithItsDatabase() throws SQLException {
    PurgeScenario.purgeAndCheck(db, DATABASE + ".documents", Databases.MARIADB_URL, "root");
  }
}
