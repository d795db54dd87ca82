package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/** Comments of rewritten statements on a real PostgreSQL, read back through {@code current_query()}. */
class PostgresCommentsTest extends CommentsServerSuite {

  @Override
  Jdbc connectAsAdmin() {
    return new Jdbc(Databases.postgres(), List.of("users", "orders"));
  }

  @Override
  void recreate() throws SQLException {
    db.execute("DROP SCHEMA IF EXISTS " + DATABASE + " CASCADE", "CREATE SCHEMA " + DATABASE,
        "SET search_path TO " + DATABASE);
  }

  @Override
  void drop() throws SQLException {
    db.execute("DROP SCHEMA IF EXISTS " + DATABASE + " CASCADE");
  }

  @Override
  PooledDataSource pool() {
    return new PooledDataSource("org.postgresql.Driver", Databases.postgresUrl(DATABASE), "postgres", "");
  }

  @Override
  String ownText() {
    return "current_query()";
  }

  @Override
  String textType() {
    return "TEXT";
  }

  @Test
  void shouldSendTheSelectExactlyAsRewrittenCommentsIncluded() {
    try (SqlSession session = session()) {
      // when
      String text = session.selectOne("comments.ownTextOfSelect", params("id", 1));

      // then: PostgreSQL shows the bound parameter as $1
      assertThat(text).isEqualTo("/*slave*/ SELECT current_query() FROM users u /* trace:abc */"
          + " WHERE (u.id = $1) AND u.deleted_at IS NULL -- by id\n");
    }
  }

  @Test
  void shouldSendTheCommentsOfAnOnConflictUpsertThatRevivesADeletedRow() throws SQLException {
    try (SqlSession session = session()) {
      // when: dee (4) is deleted; her key is met, and she comes back with the inserted name
      int count = session.insert("comments.upsertOnConflictDoNothing", params("id", 4));

      // then
      assertThat(count).isEqualTo(1);
      assertThat(db.markedIds("users")).isEmpty();
      String name = db.rows("SELECT name FROM users WHERE id = 4").get(0);
      assertThat(name).startsWith("INSERT INTO users (id, name) VALUES ($1, current_query()) /* idempotent */"
          + " ON CONFLICT").endsWith(" -- revive\n");
    }
  }
}
