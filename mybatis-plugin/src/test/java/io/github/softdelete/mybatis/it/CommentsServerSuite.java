package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The comments and hints of rewritten statements reach a real server, seen where the server shows the text it
 * runs: each statement of {@code CommentsMapper.xml} reads its own text ({@link #ownText()}) and returns it,
 * stores it, or changes a row only when that text starts with the comment. Through MyBatis, with the
 * database found from the DataSource as in an application. A subclass per server.
 *
 * <p>Given before each test: users ann 1, bob 2, dee 4 (deleted); orders 10 (ann), 13 (dee, live).
 */
abstract class CommentsServerSuite {
  static final String DATABASE = "softdelete_it_comments";

  Jdbc db;
  private PooledDataSource pool;

  abstract Jdbc connectAsAdmin();

  /** Drops and creates the class's schema (or database), then works in it. */
  abstract void recreate() throws SQLException;

  abstract void drop() throws SQLException;

  abstract PooledDataSource pool();

  /** The server's expression for the text of the statement being run, as the server received it. */
  abstract String ownText();

  /** The server's column type for long text. */
  abstract String textType();

  @BeforeEach
  void createTables() throws SQLException {
    db = connectAsAdmin();
    recreate();
    db.execute(
        "CREATE TABLE users (id INT PRIMARY KEY, name " + textType() + " NOT NULL, deleted_at TIMESTAMP NULL)",
        "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NOT NULL, deleted_at TIMESTAMP NULL)",
        "CREATE TABLE statement_log (id INT PRIMARY KEY, text " + textType() + " NOT NULL)",
        "INSERT INTO users (id, name, deleted_at) VALUES (1, 'ann', NULL), (2, 'bob', NULL),"
            + " (4, 'dee', '2020-01-01 00:00:00')",
        "INSERT INTO orders (id, user_id, deleted_at) VALUES (10, 1, NULL), (13, 4, NULL)");
  }

  @AfterEach
  void dropTables() throws SQLException {
    if (pool != null) {
      pool.forceCloseAll();
    }
    if (db != null) {
      drop();
      db.close();
    }
  }

  /** An auto-commit session with the interceptor, users and orders soft. */
  SqlSession session() {
    pool = pool();
    Configuration configuration = new Configuration(new Environment("it", new JdbcTransactionFactory(), pool));
    Properties properties = new Properties();
    properties.setProperty("tables", "users,orders");
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
    String resource = "io/github/softdelete/mybatis/it/CommentsMapper.xml";
    try (InputStream in = Resources.getResourceAsStream(resource)) {
      new XMLMapperBuilder(in, configuration, resource, configuration.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SqlSessionFactoryBuilder().build(configuration).openSession(true);
  }

  Map<String, Object> params(Object... keysAndValues) {
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("ownText", ownText());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return params;
  }

  @Test
  void shouldSendLeadingInnerAndTrailingCommentsOfASelectToTheServer() {
    try (SqlSession session = session()) {
      // when
      List<String> live = session.selectList("comments.ownTextOfSelect", params("id", 1));
      List<String> deleted = session.selectList("comments.ownTextOfSelect", params("id", 4));

      // then: filtered, and every comment where it was written
      assertThat(deleted).isEmpty();
      assertThat(live).hasSize(1);
      assertThat(live.get(0)).startsWith("/*slave*/ SELECT ")
          .contains(" FROM users u /* trace:abc */ WHERE (u.id = ")
          .contains(") AND u.deleted_at IS NULL -- by id");
    }
  }

  @Test
  void shouldSendTheLeadingHintOfADeleteAheadOfTheUpdateItBecomes() throws SQLException {
    try (SqlSession session = session()) {
      // when: the row is marked only if the server's text starts with the comment
      int count = session.delete("comments.deleteUserWhenHintLeads", params("id", 2));

      // then
      assertThat(count).isEqualTo(1);
      assertThat(db.markedIds("users")).containsExactly("2", "4");
    }
  }

  @Test
  void shouldSendTheHintOfAnUpdateRightAfterTheKeyword() throws SQLException {
    try (SqlSession session = session()) {
      // when
      int live = session.update("comments.renameUserWhenHintFollowsKeyword", params("id", 1, "name", "anna"));
      int deleted = session.update("comments.renameUserWhenHintFollowsKeyword", params("id", 4, "name", "deena"));

      // then
      assertThat(live).isEqualTo(1);
      assertThat(deleted).isZero();
      assertThat(db.rows("SELECT name FROM users WHERE id IN (1, 4) ORDER BY id")).containsExactly("anna", "dee");
    }
  }

  @Test
  void shouldSendTheCommentsOfAnInsertSelect() {
    try (SqlSession session = session()) {
      // when
      int copied = session.insert("comments.logOwnTextOfInsertSelect", params("id", 1));
      int copiedDeleted = session.insert("comments.logOwnTextOfInsertSelect", params("id", 4));

      // then
      assertThat(copied).isEqualTo(1);
      assertThat(copiedDeleted).isZero();
      String text = session.selectOne("comments.loggedText", params("id", 1));
      assertThat(text).startsWith("INSERT INTO statement_log (id, text) /* copy */ SELECT u.id, ")
          .contains("AND u.deleted_at IS NULL -- archived");
    }
  }
}
