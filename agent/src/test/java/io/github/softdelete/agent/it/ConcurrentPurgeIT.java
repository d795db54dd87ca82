package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three JVMs running {@code java -jar softdelete-agent.jar purge} on the same table at the same time, as three
 * instances of one application would on a schedule, on PostgreSQL and MariaDB: every deleted row archived and
 * erased exactly once (the archive's key refuses a second copy), the live rows kept, every run succeeding and
 * each purging part of the rows.
 */
class ConcurrentPurgeIT {
  private static final String DATABASE = "softdelete_it_many_purges";
  private static final int DELETED = 10_000;
  private static final int LIVE = 100;
  private static final int INSTANCES = 3;
  private static final Pattern PURGED = Pattern.compile("^purged (\\d+) rows? deleted before .*");

  enum Server {
    POSTGRES("jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5", "postgres"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=5000", "root");

    final String url;
    final String user;

    Server(String url, String user) {
      this.url = url;
      this.user = user;
    }

    String purgeUrl() {
      return this == POSTGRES ? url + "&currentSchema=" + DATABASE : url.replace("/test?", "/" + DATABASE + "?");
    }

    Connection connect() {
      return Servers.connect(name(), url, user);
    }
  }

  private static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static String row(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        values.add(rs.getString(i));
      }
      return String.join("|", values);
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void shouldArchiveAndEraseEveryRowOnceWhenThreeJvmsPurgeAtOnce(Server server) throws Exception {
    try (Connection admin = server.connect()) {
      String time = server == Server.POSTGRES ? "TIMESTAMP" : "DATETIME";
      String schema = DATABASE + ".";
      if (server == Server.POSTGRES) {
        execute(admin, "DROP SCHEMA IF EXISTS " + DATABASE + " CASCADE", "CREATE SCHEMA " + DATABASE);
      } else {
        execute(admin, "DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE);
      }
      try {
        execute(admin, "CREATE TABLE " + schema + "docs (id INT PRIMARY KEY, deleted_at " + time + " NULL)",
            "CREATE TABLE " + schema + "docs_archive (id INT PRIMARY KEY, deleted_at " + time + " NULL,"
                + " archived_at " + time + " NOT NULL)");
        StringBuilder insert = new StringBuilder("INSERT INTO " + schema + "docs (id, deleted_at) VALUES ");
        for (int id = 1; id <= DELETED + LIVE; id++) {
          insert.append(id > 1 ? ", " : "").append('(').append(id).append(", ")
              .append(id <= DELETED ? "'2020-01-01 00:00:00'" : "NULL").append(')');
        }
        execute(admin, insert.toString());

        List<Child> children = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
          children.add(Child.start(List.of(Child.JAVA, "-cp",
              Child.AGENT_JAR + java.io.File.pathSeparator + Child.fixtureClasspath("handmade"),
              "io.github.softdelete.agent.Main", "purge", "--url", server.purgeUrl(), "--user", server.user,
              "--tables", "docs", "--older-than", "30d", "--archive-suffix", "_archive", "--batch-size", "20")));
        }
        long total = 0;
        List<Long> each = new ArrayList<>();
        for (Child child : children) {
          child.awaitExit().assertSucceeded();
          String last = child.lines().get(child.lines().size() - 1);
          Matcher purged = PURGED.matcher(last);
          assertThat(purged.matches()).as("last line of a purge: %s", child.lines()).isTrue();
          each.add(Long.parseLong(purged.group(1)));
          total += each.get(each.size() - 1);
        }

        System.out.println("concurrent purge on " + server + ": rows purged by each JVM " + each);
        assertThat(total).as("rows purged by each JVM: %s", each).isEqualTo(DELETED);
        assertThat(each).as("each JVM purged part of the rows").allSatisfy(n -> assertThat(n).isPositive());
        assertThat(row(admin, "SELECT COUNT(*), MIN(id) FROM " + schema + "docs"))
            .isEqualTo(LIVE + "|" + (DELETED + 1));
        assertThat(row(admin, "SELECT COUNT(*), COUNT(DISTINCT id), MAX(id) FROM " + schema + "docs_archive"))
            .isEqualTo(DELETED + "|" + DELETED + "|" + DELETED);
      } finally {
        execute(admin, server == Server.POSTGRES ? "DROP SCHEMA IF EXISTS " + DATABASE + " CASCADE"
            : "DROP DATABASE IF EXISTS " + DATABASE);
      }
    }
  }
}
