package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertRewrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.catalog.TableColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upserts on a soft table revive a deleted row they meet, as if it did not exist: the SQL per database. */
class UpsertRewriteTest {
  private static final SqlRewriter ENGINE = new SqlRewriter(SoftTables.of(List.of("users")),
      SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP").withAuditColumns("deleted_by", null));
  private static final SqlRewriter MYSQL = ENGINE.withDialect(Dialect.MYSQL);
  private static final SqlRewriter POSTGRES = ENGINE.withDialect(Dialect.POSTGRESQL);

  @Test
  void shouldMakeEachDuplicateKeyAssignmentConditionalOnALiveRowAndReviveLast() {
    assertRewrite(MYSQL, SoftDeleteMode.DEFAULT,
        "INSERT INTO users (id, name, logins) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE logins = logins + 1",
        "INSERT INTO users (id, name, logins) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE"
            + " logins = IF(users.deleted_at IS NULL, logins + 1, VALUES(logins)),"
            + " id = IF(users.deleted_at IS NULL, users.id, VALUES(id)),"
            + " name = IF(users.deleted_at IS NULL, users.name, VALUES(name)),"
            + " deleted_by = IF(users.deleted_at IS NULL, users.deleted_by, NULL),"
            + " deleted_at = IF(users.deleted_at IS NULL, users.deleted_at, NULL)");
  }

  @Test
  void shouldMakeEachConflictAssignmentConditionalOnALiveRowAndApplyTheConditionToLiveRowsOnly() {
    assertRewrite(POSTGRES, SoftDeleteMode.DEFAULT,
        "INSERT INTO users AS u (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name"
            + " WHERE u.name <> 'root'",
        "INSERT INTO users AS u (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET"
            + " name = CASE WHEN u.deleted_at IS NULL THEN EXCLUDED.name ELSE EXCLUDED.name END,"
            + " id = CASE WHEN u.deleted_at IS NULL THEN u.id ELSE EXCLUDED.id END,"
            + " deleted_by = CASE WHEN u.deleted_at IS NULL THEN u.deleted_by ELSE NULL END,"
            + " deleted_at = CASE WHEN u.deleted_at IS NULL THEN u.deleted_at ELSE NULL END"
            + " WHERE u.deleted_at IS NOT NULL OR (u.name <> 'root')");
  }

  @Test
  void shouldTurnDoNothingIntoARevivalOfADeletedRowOnly() {
    assertRewrite(POSTGRES, SoftDeleteMode.DEFAULT,
        "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
        "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id,"
            + " name = EXCLUDED.name, deleted_by = NULL, deleted_at = NULL WHERE users.deleted_at IS NOT NULL");
  }

  @Test
  void shouldReviveUnderOnlyDeletedAndHardDeleteToo() {
    for (SoftDeleteMode mode : List.of(SoftDeleteMode.ONLY_DELETED, SoftDeleteMode.HARD_DELETE)) {
      assertRewrite(POSTGRES, mode,
          "INSERT INTO users (id) VALUES (?) ON CONFLICT ON CONSTRAINT users_pkey DO NOTHING",
          "INSERT INTO users (id) VALUES (?) ON CONFLICT ON CONSTRAINT users_pkey DO UPDATE SET"
              + " id = EXCLUDED.id, deleted_by = NULL, deleted_at = NULL WHERE users.deleted_at IS NOT NULL");
    }
  }

  @Test
  void shouldRunUpsertsAsWrittenInsideIncludeDeleted() {
    String sql = "INSERT INTO users (id) VALUES (?) ON CONFLICT (id) DO NOTHING";
    assertThat(POSTGRES.rewrite(sql, SoftDeleteMode.INCLUDE_DELETED).sql()).isSameAs(sql);
  }

  @Test
  void shouldRefuseEachUpsertWhereItsDatabaseIsNotTheOneItsConversionIsFor() {
    assertThat(reason(ENGINE, "INSERT INTO users (id) VALUES (?) ON DUPLICATE KEY UPDATE id = id"))
        .startsWith("an upsert (ON DUPLICATE KEY UPDATE / ON CONFLICT DO UPDATE) may update a soft-deleted row")
        .contains("converts INSERT ... ON DUPLICATE KEY UPDATE exactly only on MySQL / MariaDB (the database is not"
            + " known here)");
    assertThat(reason(POSTGRES, "INSERT INTO users (id) VALUES (?) ON DUPLICATE KEY UPDATE id = id"))
        .contains("only on MySQL / MariaDB (this is POSTGRESQL)");
    assertThat(reason(MYSQL, "INSERT INTO users (id) VALUES (?) ON CONFLICT (id) DO NOTHING"))
        .contains("only on PostgreSQL (this is MYSQL)");
    assertThat(reason(ENGINE.withDialect(Dialect.H2), "INSERT INTO users (id) VALUES (?) ON CONFLICT DO NOTHING"))
        .contains("only on PostgreSQL (this is H2)");
  }

  @Test
  void shouldRefuseInsertIgnoreSinceItsConversionWouldCountALiveDuplicate() {
    assertThat(reason(MYSQL, "INSERT IGNORE INTO users (id) VALUES (?)"))
        .startsWith("INSERT IGNORE would silently insert nothing where a soft-deleted row holds the key");
  }

  @Test
  void shouldRefuseDoNothingWithoutATargetOrOfSeveralRows() {
    assertThat(reason(POSTGRES, "INSERT INTO users (id) VALUES (?) ON CONFLICT DO NOTHING"))
        .startsWith("ON CONFLICT DO NOTHING without a conflict target");
    assertThat(reason(POSTGRES, "INSERT INTO users (id) VALUES (1), (2) ON CONFLICT (id) DO NOTHING"))
        .startsWith("ON CONFLICT DO NOTHING of several rows");
    assertThat(reason(POSTGRES, "INSERT INTO users (id) SELECT 1 ON CONFLICT (id) DO NOTHING"))
        .startsWith("ON CONFLICT DO NOTHING of several rows");
  }

  @Test
  void shouldRefuseUpsertsThatNameNoColumnsOrWriteTheDeletionColumns() {
    assertThat(reason(POSTGRES, "INSERT INTO users VALUES (?) ON CONFLICT (id) DO NOTHING"))
        .startsWith("an upsert without a column list");
    // with explicitMarker=filter, an update part that assigns the marker is not the application's to decide
    assertThat(reason(new SqlRewriter(SoftTables.of(List.of("users")),
        SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP"), List.of(), SqlRewriter.DEFAULT_PARSE_TIMEOUT,
        false).withDialect(Dialect.MYSQL), "INSERT INTO users (id) VALUES (?) ON DUPLICATE KEY UPDATE deleted_at = NULL"))
        .startsWith("the upsert writes the column deleted_at");
    assertThat(reason(POSTGRES, "INSERT INTO users (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET deleted_by = NULL"))
        .startsWith("the upsert writes the column deleted_by");
    assertThat(reason(POSTGRES, "INSERT INTO users (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET name = DEFAULT"))
        .startsWith("ON CONFLICT DO UPDATE SET name = DEFAULT");
  }

  @Test
  void shouldReviveWithTheInsertedMarkerAndAuditValuesWhenTheInsertNamesThem() {
    // a generated insert names every column, the marker included: a revived row takes the inserted values
    assertRewrite(MYSQL, SoftDeleteMode.DEFAULT,
        "INSERT INTO users (id, deleted_by, deleted_at) VALUES (?, NULL, NULL) ON DUPLICATE KEY UPDATE id = id",
        "INSERT INTO users (id, deleted_by, deleted_at) VALUES (?, NULL, NULL) ON DUPLICATE KEY UPDATE"
            + " id = IF(users.deleted_at IS NULL, id, VALUES(id)),"
            + " deleted_by = IF(users.deleted_at IS NULL, users.deleted_by, VALUES(deleted_by)),"
            + " deleted_at = IF(users.deleted_at IS NULL, users.deleted_at, VALUES(deleted_at))");
    assertRewrite(POSTGRES, SoftDeleteMode.DEFAULT,
        "INSERT INTO users (id, deleted_at) VALUES (?, NULL) ON CONFLICT (id) DO NOTHING",
        "INSERT INTO users (id, deleted_at) VALUES (?, NULL) ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id,"
            + " deleted_by = NULL, deleted_at = EXCLUDED.deleted_at WHERE users.deleted_at IS NOT NULL");
  }

  @Test
  void shouldLeaveAnUpsertThatAssignsTheMarkerItselfAsWritten() {
    // the application's own revive: as for an UPDATE that assigns the marker, its intent wins
    String odku = "INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name),"
        + " deleted_at = NULL";
    assertThat(MYSQL.rewrite(odku, SoftDeleteMode.DEFAULT).sql()).isSameAs(odku);
    String conflict = "INSERT INTO users (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET deleted_at = NULL";
    assertThat(POSTGRES.rewrite(conflict, SoftDeleteMode.DEFAULT).sql()).isSameAs(conflict);
  }

  @Test
  void shouldGiveARevivedRowTheDefaultsOfTheColumnsTheStatementDoesNotName() {
    // known from metadata: every column but the key (and generated ones); a revived row is as if newly inserted
    TableColumns columns = TableColumns.of(java.util.Map.of("users", List.of("name", "visits", "deleted_at", "deleted_by")));
    assertRewrite(MYSQL.withColumns(columns), SoftDeleteMode.DEFAULT,
        "INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)",
        "INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE"
            + " name = IF(users.deleted_at IS NULL, VALUES(name), VALUES(name)),"
            + " id = IF(users.deleted_at IS NULL, users.id, VALUES(id)),"
            + " `visits` = IF(users.deleted_at IS NULL, users.`visits`, VALUES(`visits`)),"
            + " deleted_by = IF(users.deleted_at IS NULL, users.deleted_by, NULL),"
            + " deleted_at = IF(users.deleted_at IS NULL, users.deleted_at, NULL)");
    assertRewrite(POSTGRES.withColumns(columns), SoftDeleteMode.DEFAULT,
        "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
        "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id,"
            + " name = EXCLUDED.name, \"visits\" = EXCLUDED.\"visits\", deleted_by = NULL, deleted_at = NULL"
            + " WHERE users.deleted_at IS NOT NULL");
  }

  @Test
  void shouldRefuseReplace() {
    assertThat(reason(MYSQL, "REPLACE INTO users (id, name) VALUES (?, ?)"))
        .isEqualTo("REPLACE replaces or updates the row whose key it meets, soft-deleted or not;"
            + " use INSERT, or UPDATE the live row");
  }

  @Test
  void shouldRefuseDataModifyingCtesOnEveryDatabase() {
    // MERGE: MergeRewriteTest
    assertThat(reason(POSTGRES, "WITH n AS (INSERT INTO users (id) VALUES (?) ON CONFLICT (id) DO NOTHING"
        + " RETURNING id) SELECT id FROM n"))
        .startsWith("softdelete cannot tell how to keep deleted rows out of where this statement uses the table");
  }

  private static String reason(SqlRewriter engine, String sql) {
    RewriteRefusedException refused = catchThrowableOfType(RewriteRefusedException.class,
        () -> engine.rewrite(sql, SoftDeleteMode.DEFAULT));
    assertThat(refused).as("refused: " + sql).isNotNull();
    assertThat(refused.table()).isEqualTo("users");
    return refused.reason();
  }
}
