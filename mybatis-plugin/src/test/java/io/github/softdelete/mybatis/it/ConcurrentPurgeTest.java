package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.Purge;
import io.github.softdelete.mybatis.PurgeReport;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many instances purging the same table at once, as each instance of an application schedules the same purge
 * job: four purges, each on its own connections, started together on PostgreSQL and on MariaDB. Every deleted
 * row must be archived and erased exactly once (the archive's primary key refuses a second copy), no live row
 * touched, none of the purges failing (a deadlock would fail it), and the work shared between them.
 */
class ConcurrentPurgeTest {
  private static final String SCHEMA = "softdelete_it_concurrent_purge";
  private static final int DELETED = 2_000;
  private static final int LIVE = 200;
  private static final int INSTANCES = 4;

  enum Server { POSTGRES, MARIADB }

  private static Jdbc admin(Server server) throws SQLException {
    Jdbc db = new Jdbc(server == Server.POSTGRES ? Databases.postgres() : Databases.mariaDb(), List.of());
    String text = server == Server.POSTGRES ? "TEXT" : "VARCHAR(40)";
    String time = server == Server.POSTGRES ? "TIMESTAMP" : "DATETIME";
    if (server == Server.POSTGRES) {
      db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
          "SET search_path TO " + SCHEMA);
    } else {
      db.execute("DROP DATABASE IF EXISTS " + SCHEMA, "CREATE DATABASE " + SCHEMA, "USE " + SCHEMA);
    }
    db.execute("CREATE TABLE documents (id INT PRIMARY KEY, title " + text + " NOT NULL, deleted_at " + time
            + " NULL)",
        "CREATE TABLE documents_archive (id INT PRIMARY KEY, title " + text + " NOT NULL, deleted_at " + time
            + " NULL, archived_at " + time + " NOT NULL)");
    StringBuilder insert = new StringBuilder("INSERT INTO documents (id, title, deleted_at) VALUES ");
    for (int id = 1; id <= DELETED + LIVE; id++) {
      insert.append(id > 1 ? ", " : "").append('(').append(id).append(", 'doc ").append(id).append("', ")
          .append(id <= DELETED ? "'2020-01-01 00:00:00'" : "NULL").append(')');
    }
    db.execute(insert.toString());
    return db;
  }

  private static String url(Server server) {
    return server == Server.POSTGRES ? Databases.postgresUrl(SCHEMA) : Databases.mariaDbUrl(SCHEMA);
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void shouldArchiveAndEraseEveryRowExactlyOnceAndShareTheWork(Server server) throws Exception {
    try (Jdbc db = admin(server)) {
      ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PurgeReport>> runs = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
          runs.add(instances.submit(() -> {
            start.await();
            return Purge.builder().tables("documents").olderThan(Duration.ofDays(30)).archiveSuffix("_archive")
                .batchSize(25).build().run(url(server), server == Server.POSTGRES ? "postgres" : "root", "");
          }));
        }
        start.countDown();
        List<Long> totals = new ArrayList<>();
        for (Future<PurgeReport> run : runs) {
          totals.add(run.get(120, TimeUnit.SECONDS).total());
        }

        assertThat(totals.stream().mapToLong(Long::longValue).sum()).as("rows purged by each: %s", totals)
            .isEqualTo(DELETED);
        assertThat(totals).as("each instance took part of the work").allSatisfy(t -> assertThat(t).isPositive());
        assertThat(db.rows("SELECT COUNT(*), MIN(id), MAX(id) FROM documents")).containsExactly(
            LIVE + "|" + (DELETED + 1) + "|" + (DELETED + LIVE));
        assertThat(db.rows("SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id) FROM documents_archive"))
            .containsExactly(DELETED + "|" + DELETED + "|1|" + DELETED);
      } finally {
        instances.shutdownNow();
        db.execute(server == Server.POSTGRES ? "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE"
            : "DROP DATABASE IF EXISTS " + SCHEMA);
      }
    }
  }
}
