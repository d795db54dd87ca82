package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.Dialect;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/**
 * Comments of rewritten statements on a real MariaDB, read back from the connection's own row of
 * {@code information_schema.PROCESSLIST}; and executable comments, which MariaDB runs as SQL.
 */
class MariaDbCommentsTest extends CommentsServerSuite {

  @Override
  Jdbc connectAsAdmin() {
    return new Jdbc(Databases.mariaDb(), List.of("users", "orders"));
  }

  @Override
  void recreate() throws SQLException {
    db.execute("DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE, "USE " + DATABASE);
  }

  @Override
  void drop() throws SQLException {
    db.execute("DROP DATABASE IF EXISTS " + DATABASE);
  }

  @Override
  PooledDataSource pool() {
    return new PooledDataSource("org.mariadb.jdbc.Driver", Databases.mariaDbUrl(DATABASE), "root", "");
  }

  @Override
  String ownText() {
    return "(SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID())";
  }

  @Override
  String textType() {
    return "LONGTEXT";
  }

  @Test
  void shouldSendTheCommentsOfAnOnDuplicateKeyUpsertThatRevivesADeletedRow() throws SQLException {
    try (SqlSession session = session()) {
      // when: dee (4) is deleted; her key is met, and she comes back with the inserted name
      session.insert("comments.upsertOnDuplicateKeyUpdate", params("id", 4));

      // then
      assertThat(db.markedIds("users")).isEmpty();
      String name = db.rows("SELECT name FROM users WHERE id = 4").get(0);
      assertThat(name).startsWith("INSERT INTO users (id, name) VALUES (4, (SELECT INFO FROM"
          + " information_schema.PROCESSLIST WHERE ID = CONNECTION_ID())) /* upsert */ ON DUPLICATE KEY UPDATE")
          .endsWith(" -- revive");
    }
  }

  @Test
  void shouldKeepASelectOptionInAnExecutableCommentWhereItWasWritten() {
    try (SqlSession session = session()) {
      // when
      String text = session.selectOne("comments.ownTextWithSelectOption", params("id", 1));

      // then
      assertThat(text).startsWith("SELECT /*!40001 SQL_NO_CACHE */ (SELECT INFO FROM");
    }
  }

  @Test
  void shouldRefuseAnExecutableCommentThatJoinsATableThroughMyBatis() {
    try (SqlSession session = session()) {
      SoftDeleteException refused = MyBatisServerSuite.refusal(
          () -> session.selectList("comments.namesThroughStraightJoinInExecutableComment", params()));
      assertThat(refused.getReason()).startsWith("MySQL and MariaDB run the SQL inside an executable comment"
          + " (/*! STRAIGHT_JOIN */)");
    }
  }

  @Test
  void shouldLeakADeletedUserWhereTheParsersReadingOfAnExecutableCommentRanOnMariaDb() throws SQLException {
    // given: the statement as the parser reads it (orders an alias of users), rewritten as for PostgreSQL,
    // where /*! ... */ is a plain comment
    String asParsed = Jdbc.ENGINE.withDialect(Dialect.POSTGRESQL).rewrite("SELECT users.name FROM users"
        + " /*! STRAIGHT_JOIN */ orders WHERE orders.user_id = users.id ORDER BY users.id", SoftDeleteMode.DEFAULT)
        .sql();

    // when: MariaDB runs the comment, a join with orders, and users goes unfiltered
    List<String> names = db.rows(asParsed);

    // then: dee, deleted, with a live order: the leak the refusal above prevents
    assertThat(asParsed).contains("AND orders.deleted_at IS NULL");
    assertThat(names).containsExactly("ann", "dee");
  }
}
