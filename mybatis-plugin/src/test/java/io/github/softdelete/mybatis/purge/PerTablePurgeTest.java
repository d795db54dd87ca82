package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.PurgeReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.Purge;
import io.github.softdelete.mybatis.PurgeException;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Purge with each table's own marker, from the interceptor's configuration: users by {@code deleted_at},
 * orders by the flag {@code is_deleted} with its deletion time in {@code deleted_on}, sys_user by
 * {@code del_flag} '0'/'2' with {@code del_time}, flags by a flag and no timestamp at all.
 */
class PerTablePurgeTest {
  private static final String OLD = "TIMESTAMP '2020-01-01 00:00:00'";

  private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private Connection connection;

  @BeforeEach
  void create() throws SQLException {
    connection = DriverManager.getConnection(url, "sa", "");
    execute("CREATE TABLE users (id INT PRIMARY KEY, deleted_at TIMESTAMP)");
    execute("INSERT INTO users VALUES (1, NULL), (2, " + OLD + ")");
    execute("CREATE TABLE orders (id INT PRIMARY KEY, is_deleted INT NOT NULL, deleted_on TIMESTAMP)");
    execute("INSERT INTO orders VALUES (1, 0, NULL), (2, 1, " + OLD + "), (3, 1, LOCALTIMESTAMP)");
    execute("CREATE TABLE sys_user (id INT PRIMARY KEY, del_flag CHAR(1) NOT NULL, del_time TIMESTAMP)");
    execute("INSERT INTO sys_user VALUES (1, '0', NULL), (2, '2', " + OLD + ")");
    execute("CREATE TABLE flags (id INT PRIMARY KEY, is_deleted INT NOT NULL)");
  }

  @AfterEach
  void drop() throws SQLException {
    execute("SHUTDOWN");
    connection.close();
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<String> ids(String table) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private static SoftDeleteConfig config() {
    Properties props = new Properties();
    props.setProperty("tables", "users");
    props.setProperty("table.orders.column", "is_deleted");
    props.setProperty("table.sys_user.column", "del_flag");
    props.setProperty("table.sys_user.liveValue", "'0'");
    props.setProperty("table.sys_user.deletedValue", "'2'");
    props.setProperty("table.flags.column", "is_deleted");
    return SoftDeleteConfig.fromPropertiesOnly(props);
  }

  @Test
  void shouldPurgeEachTableByItsOwnMarkerAndDeletionTime() throws SQLException {
    PurgeReport report = Purge.builder().config(config()).tables("users", "orders", "sys_user")
        .deletedAtColumn("orders", "deleted_on").deletedAtColumn("sys_user", "del_time")
        .olderThan(Duration.ofDays(30)).build().run(url, "sa", "");

    assertThat(report.total()).isEqualTo(3);
    assertThat(ids("users")).containsExactly("1");
    // 3 was deleted an hour ago: kept
    assertThat(ids("orders")).containsExactly("1", "3");
    assertThat(ids("sys_user")).containsExactly("1");
  }

  @Test
  void shouldRefuseAFlagTableWithoutATimestampOfItsOwn() {
    Purge purge = Purge.builder().config(config()).tables("flags").olderThan(Duration.ofDays(30)).build();

    assertThatThrownBy(() -> purge.run(url, "sa", "")).isInstanceOf(PurgeException.class)
        .hasMessage("softdelete purge: table 'flags' marks deleted rows in column 'IS_DELETED' (INTEGER), which"
            + " cannot tell when a row was deleted; name the table's timestamp column that does with"
            + " Purge.Builder#deletedAtColumn(\"flags\", column) (on the command line"
            + " --table.flags.deletedAtColumn, or --deleted-at-column for every table)");
  }

  @Test
  void shouldPurgeEachTableByItsOwnMarkerFromTheCommandLineKeys() throws SQLException {
    // the same configuration as config(), as command-line options of the keys' own names
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = PurgeCommand.run(new String[] {"--url", url, "--user", "sa", "--tables", "users,orders,sys_user",
        "--older-than", "30d", "--table.orders.column", "is_deleted", "--table.orders.deletedAtColumn=deleted_on",
        "--table.sys_user.column", "del_flag", "--table.sys_user.liveValue", "'0'",
        "--table.sys_user.deletedValue", "'2'", "--table.sys_user.deletedAtColumn", "del_time"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);

    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).last().asString()
        .endsWith(": users 1 (1 batch), orders 1 (1 batch), sys_user 1 (1 batch)");
    assertThat(ids("users")).containsExactly("1");
    assertThat(ids("orders")).containsExactly("1", "3");
    assertThat(ids("sys_user")).containsExactly("1");
  }
}
