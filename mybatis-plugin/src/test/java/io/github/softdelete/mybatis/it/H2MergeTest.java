package io.github.softdelete.mybatis.it;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link MergeScenarios} on H2 2.3, in a database of its own. */
class H2MergeTest extends MergeScenarios {
  private static final String URL = "jdbc:h2:mem:softdelete_it_merge;DB_CLOSE_DELAY=-1";

  @BeforeEach
  void createTables() throws SQLException {
    db = new Jdbc(DriverManager.getConnection(URL, "sa", ""), List.of());
    db.execute("DROP ALL OBJECTS", UpsertSessions.MEMBERS, UpsertSessions.MEMBER_ROWS, APPLICANTS, APPLICANT_ROWS);
    sessions = new UpsertSessions("org.h2.Driver", URL, "sa");
  }

  @AfterEach
  void dropTables() throws SQLException {
    if (sessions != null) {
      sessions.close();
    }
    if (db != null) {
      db.execute("DROP ALL OBJECTS");
      db.close();
    }
  }

  @Override
  String keyColumn() {
    return "ID";
  }
}
