package io.github.softdelete.mybatis.badinput;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * An H2 database of its own: soft tables {@code users} and {@code "Bücher"}, plain {@code users_archive}.
 * Users 2 and 5 are deleted (marked 2020-01-01), 1, 3, 4, 6 live; archive row 2 is marked but the table is not
 * soft, so it stays visible.
 */
final class BadInputDatabase implements AutoCloseable {
  static final List<Integer> LIVE_USERS = List.of(1, 3, 4, 6);
  static final String OLD_MARK = "2020-01-01 00:00:00";

  private final String url;
  private final Connection jdbc;

  BadInputDatabase(String name) throws SQLException {
    this.url = "jdbc:h2:mem:softdelete_badinput_" + name + ";DB_CLOSE_DELAY=-1";
    this.jdbc = DriverManager.getConnection(url, "sa", "");
    execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(200), deleted_at TIMESTAMP NULL)",
        "INSERT INTO users VALUES (1, 'ann', NULL), (2, 'bob', '" + OLD_MARK + "'), (3, 'Zoë 🚀', NULL),"
            + " (4, 'dee', NULL), (5, 'eve', '" + OLD_MARK + "'), (6, 'DELETE FROM users', NULL)",
        "CREATE TABLE users_archive (id INT PRIMARY KEY, name VARCHAR(200), deleted_at TIMESTAMP NULL)",
        "INSERT INTO users_archive VALUES (1, 'a', NULL), (2, 'b', '" + OLD_MARK + "'), (3, 'c', NULL)",
        "CREATE TABLE \"Bücher\" (id INT PRIMARY KEY, deleted_at TIMESTAMP NULL)",
        "INSERT INTO \"Bücher\" VALUES (1, NULL), (2, '" + OLD_MARK + "')");
  }

  /** MyBatis with the interceptor, soft tables {@code users} and {@code "Bücher"}, and {@code extra} keys. */
  SqlSessionFactory factory(String... extra) {
    Properties props = new Properties();
    props.setProperty("tables", "users,\"Bücher\"");
    for (int i = 0; i < extra.length; i += 2) {
      props.setProperty(extra[i], extra[i + 1]);
    }
    Configuration configuration = new Configuration(
        new Environment("bad-input", new JdbcTransactionFactory(), new UnpooledDataSource("org.h2.Driver", url,
            "sa", "")));
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(props)));
    configuration.addMapper(BadInputMapper.class);
    return new SqlSessionFactoryBuilder().build(configuration);
  }

  void execute(String... statements) throws SQLException {
    try (Statement statement = jdbc.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Each row of {@code sql} as its columns joined by {@code |}, read behind MyBatis's back. */
  List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = jdbc.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(result.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** Every user as id|name|mark, old marks as they were, fresh ones as "marked". */
  List<String> users() throws SQLException {
    return rows("SELECT id, name, CASE WHEN deleted_at IS NULL THEN 'live' WHEN deleted_at = TIMESTAMP '"
        + OLD_MARK + "' THEN 'old' ELSE 'marked' END FROM users ORDER BY id");
  }

  @Override
  public void close() throws SQLException {
    execute("DROP ALL OBJECTS");
    jdbc.close();
  }
}
