package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.DeletedBy;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.Undelete;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * onDeleteSet / onRestoreSet / restoreAudit through MyBatis on H2, PostgreSQL and MariaDB: the marking UPDATE
 * bumps the version and stamps updated_at, of the parent and of the children its cascade marks, each table with
 * its own assignments; the restore stamps restored_at and keeps who deleted the row.
 */
class OnDeleteSetTest {
  private static final String SCHEMA = "softdelete_on_delete_set";

  enum Server { H2, POSTGRES, MARIADB }

  public interface NoteMapper {
    @Delete("DELETE FROM notes WHERE id = #{id}")
    int delete(long id);
  }

  private static Connection admin(Server server) {
    return switch (server) {
      case H2 -> connect("jdbc:h2:mem:" + SCHEMA + ";DB_CLOSE_DELAY=-1");
      case POSTGRES -> Databases.postgres();
      case MARIADB -> Databases.mariaDb();
    };
  }

  private static Connection connect(String url) {
    try {
      return java.sql.DriverManager.getConnection(url, "sa", "");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static UnpooledDataSource dataSource(Server server) {
    return switch (server) {
      case H2 -> new UnpooledDataSource("org.h2.Driver", "jdbc:h2:mem:" + SCHEMA + ";DB_CLOSE_DELAY=-1;SCHEMA=" + SCHEMA,
          "sa", "");
      case POSTGRES -> new UnpooledDataSource("org.postgresql.Driver", Databases.postgresUrl(SCHEMA), "postgres", "");
      case MARIADB -> new UnpooledDataSource("org.mariadb.jdbc.Driver", Databases.mariaDbUrl(SCHEMA), "root", "");
    };
  }

  private static List<String> schema(Server server) {
    String time = server == Server.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)";
    String text = server == Server.POSTGRES ? "TEXT" : "VARCHAR(50)";
    List<String> sql = new ArrayList<>();
    if (server == Server.MARIADB) {
      sql.add("DROP DATABASE IF EXISTS " + SCHEMA);
      sql.add("CREATE DATABASE " + SCHEMA);
    } else {
      sql.add("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      sql.add("CREATE SCHEMA " + SCHEMA);
    }
    sql.add("CREATE TABLE " + SCHEMA + ".notes (id INT PRIMARY KEY, version INT DEFAULT 0 NOT NULL, updated_at "
        + time + " NULL, restored_at " + time + " NULL, deleted_at " + time + " NULL, deleted_by " + text + ")");
    sql.add("CREATE TABLE " + SCHEMA + ".note_lines (id INT PRIMARY KEY, note_id INT NOT NULL, edits INT DEFAULT 0"
        + " NOT NULL, deleted_at " + time + " NULL, deleted_by " + text + ")");
    sql.add("INSERT INTO " + SCHEMA + ".notes (id) VALUES (1), (2)");
    sql.add("INSERT INTO " + SCHEMA + ".note_lines (id, note_id) VALUES (10, 1), (11, 1), (20, 2)");
    return sql;
  }

  private static void execute(Connection connection, List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          row.add(rs.getString(i));
        }
        rows.add(String.join("|", row));
      }
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void shouldSetTheFurtherColumnsOnDeleteAndRestoreAndKeepWhoDeleted(Server server) throws SQLException {
    try (Connection admin = admin(server)) {
      execute(admin, schema(server));
      try {
        Properties properties = new Properties();
        properties.setProperty("tables", "notes,note_lines");
        properties.setProperty("deletedByColumn", "deleted_by");
        properties.setProperty("cascade", "note_lines.note_id->notes.id");
        properties.setProperty("onDeleteSet", "version = version + 1: updated_at = CURRENT_TIMESTAMP");
        properties.setProperty("onRestoreSet", "restored_at = CURRENT_TIMESTAMP");
        properties.setProperty("table.note_lines.onDeleteSet", "edits = edits + 1");
        properties.setProperty("table.note_lines.onRestoreSet", "edits = edits + 10");
        properties.setProperty("restoreAudit", "keep");
        Configuration configuration = new Configuration(new Environment("on-delete-set",
            new JdbcTransactionFactory(), dataSource(server)));
        configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
        configuration.addMapper(NoteMapper.class);
        try (SqlSession session = new SqlSessionFactoryBuilder().build(configuration).openSession(true)) {
          NoteMapper notes = session.getMapper(NoteMapper.class);

          int deleted = DeletedBy.as("alice").get(() -> notes.delete(1));
          int again = notes.delete(1);

          assertThat(deleted).isEqualTo(1);
          assertThat(again).isZero();
          String notesAfterDelete = "SELECT id, version, updated_at IS NOT NULL, restored_at IS NOT NULL,"
              + " deleted_at IS NOT NULL, deleted_by FROM " + SCHEMA + ".notes ORDER BY id";
          String linesSql = "SELECT id, edits, deleted_at IS NOT NULL, deleted_by FROM " + SCHEMA
              + ".note_lines ORDER BY id";
          List<String> t = bools(server);
          assertThat(rows(admin, notesAfterDelete)).containsExactly(
              "1|1|" + t.get(1) + "|" + t.get(0) + "|" + t.get(1) + "|alice",
              "2|0|" + t.get(0) + "|" + t.get(0) + "|" + t.get(0) + "|null");
          assertThat(rows(admin, linesSql)).containsExactly("10|1|" + t.get(1) + "|alice",
              "11|1|" + t.get(1) + "|alice", "20|0|" + t.get(0) + "|null");

          int restored = Undelete.get(() -> notes.delete(1));

          assertThat(restored).isEqualTo(1);
          // who deleted stays (restoreAudit=keep); the version counts the delete only
          assertThat(rows(admin, notesAfterDelete)).containsExactly(
              "1|1|" + t.get(1) + "|" + t.get(1) + "|" + t.get(0) + "|alice",
              "2|0|" + t.get(0) + "|" + t.get(0) + "|" + t.get(0) + "|null");
          assertThat(rows(admin, linesSql)).containsExactly("10|11|" + t.get(0) + "|alice",
              "11|11|" + t.get(0) + "|alice", "20|0|" + t.get(0) + "|null");
        }
      } finally {
        execute(admin, List.of(schema(server).get(0)));
      }
    }
  }

  // how each database's JDBC driver reads back a boolean expression as text: false, true
  private static List<String> bools(Server server) {
    return switch (server) {
      case H2 -> List.of("FALSE", "TRUE");
      case POSTGRES -> List.of("f", "t");
      case MARIADB -> List.of("0", "1");
    };
  }
}
