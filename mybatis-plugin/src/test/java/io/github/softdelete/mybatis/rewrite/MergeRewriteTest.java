package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertRewrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.catalog.TableColumns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MERGE on a soft table behaves as if its deleted rows did not exist: a deleted row the ON matches is one no row
 * stands for, so a WHEN MATCHED clause passes it by and a WHEN NOT MATCHED INSERT that would have met its key
 * revives it with what it inserts. The SQL per database and mode, and every refusal.
 */
class MergeRewriteTest {
  private static final SoftDeleteMarker MARKER =
      SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP").withAuditColumns("deleted_by", null);
  private static final SoftTables TABLES = SoftTables.of(List.of("users", "orders"));
  // as read from metadata: the columns but the key, and the key
  private static final TableColumns COLUMNS = TableColumns.of(
      Map.of("users", List.of("name", "visits", "deleted_at", "deleted_by")), Map.of("users", List.of("id")));
  private static final SqlRewriter ENGINE = new SqlRewriter(TABLES, MARKER).withColumns(COLUMNS);
  private static final SqlRewriter H2 = ENGINE.withDialect(Dialect.H2);
  private static final SqlRewriter POSTGRES = ENGINE.withDialect(Dialect.POSTGRESQL);

  private static final String UPSERT = "MERGE INTO users u USING (SELECT ? AS id, ? AS name) s ON u.id = s.id"
      + " WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)";

  @Test
  void shouldLetADeletedRowMatchNothingWhenTheMergeInsertsNothing() {
    assertRewrite(H2, SoftDeleteMode.DEFAULT,
        "MERGE INTO users u USING (SELECT ? AS id, ? AS name) s ON u.id = s.id"
            + " WHEN MATCHED THEN UPDATE SET name = s.name",
        "MERGE INTO users u USING (SELECT ? AS id, ? AS name) s ON (u.id = s.id) AND u.deleted_at IS NULL"
            + " WHEN MATCHED THEN UPDATE SET name = s.name");
  }

  @Test
  void shouldTurnWhenMatchedDeleteIntoTheMarkingOfTheLiveRowWithWhoDeletedBound() {
    RewriteResult result = POSTGRES.rewrite("MERGE INTO users u USING gone g ON u.id = g.user_id"
        + " WHEN MATCHED AND g.really = 1 THEN DELETE", SoftDeleteMode.DEFAULT);

    assertThat(RewriteAssertions.normalised(result.sql())).isEqualTo(RewriteAssertions.normalised(
        "MERGE INTO users u USING gone g ON (u.id = g.user_id) AND u.deleted_at IS NULL"
            + " WHEN MATCHED AND g.really = 1 THEN UPDATE SET deleted_at = CURRENT_TIMESTAMP, deleted_by = ?"));
    assertThat(result.bindings()).containsExactly(Binding.added(Binding.Added.DELETED_BY));
  }

  @Test
  void shouldPassDeletedRowsByInEveryMatchedClauseAndReviveTheOneTheInsertMeetsWithWhatItInserts() {
    assertRewrite(H2, SoftDeleteMode.DEFAULT, UPSERT,
        "MERGE INTO users u USING (SELECT ? AS id, ? AS name) s ON u.id = s.id"
            + " WHEN MATCHED AND u.deleted_at IS NULL THEN UPDATE SET name = s.name"
            + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)"
            // the other columns as a new row holds them; the audit column cleared; the marker last
            + " WHEN MATCHED AND u.deleted_at IS NOT NULL THEN UPDATE SET name = s.name, \"visits\" = DEFAULT,"
            + " deleted_by = NULL, deleted_at = NULL");
  }

  @Test
  void shouldReviveInTheOrderOfSeveralNotMatchedClausesWithTheSourceColumnsQualified() {
    // where a WHEN NOT MATCHED clause stood, only the source was in scope: its bare columns are the source's
    assertRewrite(POSTGRES, SoftDeleteMode.DEFAULT,
        "MERGE INTO users AS u USING (VALUES (1, 'ann', 2)) AS s (id, name, n) ON u.id = s.id"
            + " WHEN MATCHED AND s.n > 5 THEN DELETE"
            + " WHEN NOT MATCHED AND n > 1 THEN INSERT (id, name, visits) VALUES (id, upper(name), n)"
            + " WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)",
        "MERGE INTO users AS u USING (VALUES (1, 'ann', 2)) AS s (id, name, n) ON u.id = s.id"
            + " WHEN MATCHED AND (s.n > 5) AND u.deleted_at IS NULL THEN UPDATE SET deleted_at = CURRENT_TIMESTAMP,"
            + " deleted_by = ?"
            + " WHEN NOT MATCHED AND n > 1 THEN INSERT (id, name, visits) VALUES (id, upper(name), n)"
            + " WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)"
            + " WHEN MATCHED AND (s.n > 1) AND u.deleted_at IS NOT NULL THEN UPDATE SET name = upper(s.name),"
            + " visits = s.n, deleted_by = NULL, deleted_at = NULL"
            + " WHEN MATCHED AND u.deleted_at IS NOT NULL THEN UPDATE SET \"name\" = DEFAULT, \"visits\" = DEFAULT,"
            + " deleted_by = NULL, deleted_at = NULL");
  }

  @Test
  void shouldMatchADeletedRowByItsKeyAloneWhenTheOnSaysMore() {
    // a deleted row with the key is the one the INSERT would meet, whatever the rest of the ON says of it
    assertRewrite(H2, SoftDeleteMode.DEFAULT,
        "MERGE INTO users u USING (SELECT ? AS id) s ON u.name <> ? AND s.id = u.id"
            + " WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)",
        "MERGE INTO users u USING (SELECT ? AS id) s ON s.id = u.id AND ((u.name <> ?) OR u.deleted_at IS NOT NULL)"
            + " WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)"
            + " WHEN MATCHED AND u.deleted_at IS NOT NULL THEN UPDATE SET \"name\" = DEFAULT, \"visits\" = DEFAULT,"
            + " deleted_by = NULL, deleted_at = NULL");
  }

  @Test
  void shouldBindAParameterTheReviveWritesAgainToTheApplicationsOwn() {
    RewriteResult result = H2.rewrite("MERGE INTO users u USING (SELECT ? AS id) s ON u.id = s.id"
        + " WHEN NOT MATCHED AND ? = 1 THEN INSERT (id, name) VALUES (s.id, ?)", SoftDeleteMode.DEFAULT);

    assertThat(result.sql()).endsWith("WHEN NOT MATCHED AND ? = 1 THEN INSERT (id, name) VALUES (s.id, ?)"
        + " WHEN MATCHED AND (? = 1) AND u.deleted_at IS NOT NULL THEN UPDATE SET name = ?, \"visits\" = DEFAULT,"
        + " deleted_by = NULL, deleted_at = NULL");
    // the revive's two ? are the application's second and third, bound again
    assertThat(result.bindings()).containsExactly(Binding.original(0), Binding.original(1), Binding.original(2),
        Binding.original(1), Binding.original(2));
  }

  @Test
  void shouldBindTheParametersOfACopiedSubqueryAgainToo() {
    RewriteResult result = POSTGRES.rewrite("MERGE INTO users u USING (SELECT ? AS id) s ON u.id = s.id"
        + " WHEN NOT MATCHED THEN INSERT (id, visits) VALUES (s.id, (SELECT count(*) FROM orders WHERE amount > ?))",
        SoftDeleteMode.DEFAULT);

    assertThat(result.sql()).contains("WHEN MATCHED AND u.deleted_at IS NOT NULL THEN UPDATE SET"
        + " visits = (SELECT count(*) FROM orders WHERE (amount > ?) AND orders.deleted_at IS NULL)");
    assertThat(result.bindings()).containsExactly(Binding.original(0), Binding.original(1), Binding.original(1));
  }

  @Test
  void shouldRefuseToWriteAParameterTwiceWhereTheParserReadsAQuestionMarkAsAnOperator() {
    // PostgreSQL's jsonb ? operator: the parser's numbering of the parameters is not JDBC's
    assertThat(reason(POSTGRES, "MERGE INTO users u USING (SELECT 1 AS id, CAST('{}' AS jsonb) AS j) s"
        + " ON u.id = s.id WHEN NOT MATCHED AND s.j ? 'a' THEN INSERT (id, name) VALUES (s.id, ?)"))
        .isEqualTo("the parser does not read every ? of the statement as a parameter, so the parameters the"
            + " conversion writes a second time cannot be bound with certainty");
  }

  @Test
  void shouldReviveWithTheInsertedMarkerAndAuditValuesWhenTheInsertNamesThem() {
    assertRewrite(H2, SoftDeleteMode.DEFAULT,
        "MERGE INTO users u USING (SELECT 1 AS id) s ON u.id = s.id WHEN NOT MATCHED THEN"
            + " INSERT (id, name, visits, deleted_at, deleted_by) VALUES (s.id, 'x', 1, NULL, 'me')",
        "MERGE INTO users u USING (SELECT 1 AS id) s ON u.id = s.id WHEN NOT MATCHED THEN"
            + " INSERT (id, name, visits, deleted_at, deleted_by) VALUES (s.id, 'x', 1, NULL, 'me')"
            + " WHEN MATCHED AND u.deleted_at IS NOT NULL THEN UPDATE SET name = 'x', visits = 1, deleted_by = 'me',"
            + " deleted_at = NULL");
  }

  @Test
  void shouldUseEachTablesOwnMarkerToPassByReviveAndMark() {
    Map<String, SoftDeleteMarker> markers = new java.util.LinkedHashMap<>();
    markers.put("sys_user", SoftDeleteMarker.of("del_flag", "'0'", "'2'").withAuditColumns("del_by", null));
    markers.put("orders", SoftDeleteMarker.of("is_deleted", "0", "1"));
    SqlRewriter mixed = new SqlRewriter(SoftTables.withMarkers(markers), MARKER).withDialect(Dialect.POSTGRESQL)
        .withColumns(TableColumns.of(Map.of("sys_user", List.of("user_name", "del_flag", "del_by")),
            Map.of("sys_user", List.of("user_id"))));
    assertRewrite(mixed, SoftDeleteMode.DEFAULT,
        "MERGE INTO sys_user u USING orders o ON u.user_id = o.id WHEN MATCHED AND o.amount = 0 THEN DELETE"
            + " WHEN NOT MATCHED THEN INSERT (user_id) VALUES (o.id)",
        "MERGE INTO sys_user u USING (SELECT * FROM orders WHERE is_deleted = 0) o ON u.user_id = o.id"
            + " WHEN MATCHED AND (o.amount = 0) AND u.del_flag = '0' THEN UPDATE SET del_flag = '2', del_by = ?"
            + " WHEN NOT MATCHED THEN INSERT (user_id) VALUES (o.id)"
            + " WHEN MATCHED AND u.del_flag <> '0' THEN UPDATE SET \"user_name\" = DEFAULT, del_by = NULL,"
            + " del_flag = '0'");
  }

  @Test
  void shouldFilterTheSourceAndEverySubqueryLikeAnyRead() {
    // a soft table as the source reads its live rows under its own name; the target here is not soft
    assertRewrite(H2, SoftDeleteMode.DEFAULT,
        "MERGE INTO totals t USING orders o ON t.user_id = o.user_id"
            + " WHEN MATCHED AND EXISTS (SELECT 1 FROM users x WHERE x.id = o.user_id) THEN DELETE"
            + " WHEN NOT MATCHED THEN INSERT (user_id) VALUES (o.user_id)",
        "MERGE INTO totals t USING (SELECT * FROM orders WHERE deleted_at IS NULL) o ON t.user_id = o.user_id"
            + " WHEN MATCHED AND EXISTS (SELECT 1 FROM users x WHERE (x.id = o.user_id) AND x.deleted_at IS NULL)"
            + " THEN DELETE WHEN NOT MATCHED THEN INSERT (user_id) VALUES (o.user_id)");
    assertRewrite(ENGINE, SoftDeleteMode.DEFAULT,
        "MERGE INTO totals t USING (SELECT user_id FROM orders) s ON t.user_id = s.user_id"
            + " WHEN NOT MATCHED THEN INSERT (user_id) VALUES (s.user_id)",
        "MERGE INTO totals t USING (SELECT user_id FROM orders WHERE orders.deleted_at IS NULL) s"
            + " ON t.user_id = s.user_id WHEN NOT MATCHED THEN INSERT (user_id) VALUES (s.user_id)");
  }

  @Test
  void shouldFilterTheCopiesOfAWhenNotMatchedSubqueryToo() {
    assertRewrite(POSTGRES, SoftDeleteMode.DEFAULT,
        "MERGE INTO users u USING (SELECT 5 AS id) s ON u.id = s.id WHEN NOT MATCHED THEN INSERT (id, visits)"
            + " VALUES (s.id, (SELECT count(*) FROM orders))",
        "MERGE INTO users u USING (SELECT 5 AS id) s ON u.id = s.id WHEN NOT MATCHED THEN INSERT (id, visits)"
            + " VALUES (s.id, (SELECT count(*) FROM orders WHERE orders.deleted_at IS NULL))"
            + " WHEN MATCHED AND u.deleted_at IS NOT NULL THEN UPDATE SET"
            + " visits = (SELECT count(*) FROM orders WHERE orders.deleted_at IS NULL), \"name\" = DEFAULT,"
            + " deleted_by = NULL, deleted_at = NULL");
  }

  @Test
  void shouldConvertUnderOnlyDeletedAsTheDefaultModeDoes() {
    assertThat(POSTGRES.rewrite(UPSERT, SoftDeleteMode.ONLY_DELETED).sql())
        .isEqualTo(POSTGRES.rewrite(UPSERT, SoftDeleteMode.DEFAULT).sql());
    assertThat(POSTGRES.rewrite(UPSERT, SoftDeleteMode.UNDELETE).sql())
        .isEqualTo(POSTGRES.rewrite(UPSERT, SoftDeleteMode.DEFAULT).sql());
  }

  @Test
  void shouldEraseTheLiveRowsAWhenMatchedDeleteMeetsInsideHardDelete() {
    assertRewrite(H2, SoftDeleteMode.HARD_DELETE,
        "MERGE INTO users u USING gone g ON u.id = g.id WHEN MATCHED THEN DELETE",
        "MERGE INTO users u USING gone g ON (u.id = g.id) AND u.deleted_at IS NULL WHEN MATCHED THEN DELETE");
    assertRewrite(H2, SoftDeleteMode.HARD_DELETE,
        "MERGE INTO users u USING gone g ON u.id = g.id WHEN MATCHED THEN DELETE"
            + " WHEN NOT MATCHED THEN INSERT (id) VALUES (g.id)",
        "MERGE INTO users u USING gone g ON u.id = g.id WHEN MATCHED AND u.deleted_at IS NULL THEN DELETE"
            + " WHEN NOT MATCHED THEN INSERT (id) VALUES (g.id) WHEN MATCHED AND u.deleted_at IS NOT NULL THEN"
            + " UPDATE SET \"name\" = DEFAULT, \"visits\" = DEFAULT, deleted_by = NULL, deleted_at = NULL");
  }

  @Test
  void shouldRunTheMergeAsWrittenInsideIncludeDeletedButForDeleteWhichStillMarksLiveRows() {
    assertThat(ENGINE.rewrite(UPSERT, SoftDeleteMode.INCLUDE_DELETED).sql()).isSameAs(UPSERT);
    assertRewrite(H2, SoftDeleteMode.INCLUDE_DELETED,
        "MERGE INTO users u USING orders o ON u.id = o.user_id WHEN MATCHED AND o.amount = 0 THEN DELETE"
            + " WHEN NOT MATCHED THEN INSERT (id) VALUES (o.user_id)",
        "MERGE INTO users u USING orders o ON u.id = o.user_id"
            + " WHEN MATCHED AND (o.amount = 0) AND u.deleted_at IS NULL THEN UPDATE SET"
            + " deleted_at = CURRENT_TIMESTAMP, deleted_by = ? WHEN NOT MATCHED THEN INSERT (id) VALUES (o.user_id)");
  }

  @Test
  void shouldLeaveTheApplicationsOwnReviveAsWritten() {
    String revive = "MERGE INTO users u USING (SELECT ? AS id, ? AS name) s ON u.id = s.id"
        + " WHEN MATCHED THEN UPDATE SET name = s.name, deleted_at = NULL"
        + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)";
    RewriteResult result = ENGINE.rewrite(revive, SoftDeleteMode.DEFAULT);

    assertThat(result.sql()).isSameAs(revive);
    assertThat(result.leftAsWrittenNote()).isEqualTo("left as written: the statement filters deleted_at itself");
    // likewise an ON that tests the marker; a DELETE clause still only marks
    assertRewrite(H2, SoftDeleteMode.DEFAULT,
        "MERGE INTO users u USING gone g ON u.id = g.id AND u.deleted_at IS NULL WHEN MATCHED THEN DELETE",
        "MERGE INTO users u USING gone g ON u.id = g.id AND u.deleted_at IS NULL"
            + " WHEN MATCHED AND u.deleted_at IS NULL THEN UPDATE SET deleted_at = CURRENT_TIMESTAMP, deleted_by = ?");
  }

  @Test
  void shouldConvertTheApplicationsOwnReviveLikeAnyUpdateUnderExplicitMarkerFilter() {
    SqlRewriter filtering = new SqlRewriter(TABLES, MARKER, List.of(), SqlRewriter.DEFAULT_PARSE_TIMEOUT, false)
        .withDialect(Dialect.H2).withColumns(COLUMNS);
    assertRewrite(filtering, SoftDeleteMode.DEFAULT,
        "MERGE INTO users u USING gone g ON u.id = g.id WHEN MATCHED THEN UPDATE SET deleted_at = NULL",
        "MERGE INTO users u USING gone g ON (u.id = g.id) AND u.deleted_at IS NULL"
            + " WHEN MATCHED THEN UPDATE SET deleted_at = NULL");
  }

  @Test
  void shouldRefuseMergeOnADatabaseWhereItsConversionIsNotKnown() {
    assertThat(reason(ENGINE, UPSERT)).isEqualTo("a MERGE may update, delete or insert beside a soft-deleted row"
        + " it meets; softdelete converts MERGE exactly only on H2 and PostgreSQL (the database is not known here);"
        + " run it inside IncludeDeleted.run(...) if deleted rows may take part as written");
    assertThat(reason(ENGINE.withDialect(Dialect.MYSQL), UPSERT)).contains("(this is MYSQL, which has no MERGE:"
        + " write INSERT ... ON DUPLICATE KEY UPDATE, which softdelete converts there)");
  }

  @Test
  void shouldRefuseAnInsertingMergeThatDoesNotMatchOnThePrimaryKey() {
    String notTheKey = "MERGE INTO users u USING (SELECT ? AS name) s ON u.name = s.name"
        + " WHEN NOT MATCHED THEN INSERT (name) VALUES (s.name)";
    assertThat(reason(H2, notTheKey)).isEqualTo("a MERGE with WHEN NOT MATCHED can meet a soft-deleted row, which"
        + " softdelete revives exactly only when the ON matches every primary key column (id) to a value of the"
        + " source alone, qualified, without parameters (ON u.id = s.id); match on the key, or test the marker in"
        + " ON yourself (AND u.deleted_at IS NULL), which leaves the MERGE as written");
    // a parameter, an unqualified column, an OR: not a key the engine can be sure of
    for (String on : List.of("u.id = ?", "id = s.id", "u.id = s.id OR u.name = s.name", "u.id = s.id + u.visits")) {
      assertThat(reason(H2, "MERGE INTO users u USING (SELECT 1 AS id) s ON " + on
          + " WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)")).as(on).startsWith("a MERGE with WHEN NOT MATCHED");
    }
    assertThat(reason(H2.withColumns(TableColumns.NONE), UPSERT)).contains("the primary key of users is not known");
  }

  @Test
  void shouldRefuseAnInsertThatDoesNotWriteTheKeyTheOnMatches() {
    assertThat(reason(H2, "MERGE INTO users u USING (SELECT 1 AS id) s ON u.id = s.id"
        + " WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id + 1)")).isEqualTo("the WHEN NOT MATCHED INSERT does not"
        + " write into id the value the ON matches it with (s.id), so the soft-deleted row the MERGE meets is not"
        + " the one the INSERT would meet; insert s.id into id");
    assertThat(reason(H2, "MERGE INTO users u USING (SELECT 1 AS id) s ON u.id = s.id"
        + " WHEN NOT MATCHED THEN INSERT (name) VALUES ('x')")).startsWith("the WHEN NOT MATCHED INSERT does not");
    assertThat(reason(H2, "MERGE INTO users u USING (SELECT 1 AS id) s ON u.id = s.id"
        + " WHEN NOT MATCHED THEN INSERT VALUES (s.id)")).startsWith("a WHEN NOT MATCHED INSERT without a column list");
  }

  @Test
  void shouldRefuseADeleteClauseFollowedByAnotherWhereDeletedRowsTakePart() {
    assertThat(reason(H2, SoftDeleteMode.INCLUDE_DELETED, "MERGE INTO users u USING gone g ON u.id = g.id"
        + " WHEN MATCHED AND g.really = 1 THEN DELETE WHEN MATCHED THEN UPDATE SET name = 'kept'"))
        .isEqualTo("a WHEN MATCHED THEN DELETE marks live rows only, so where deleted rows take part"
            + " (IncludeDeleted, or a MERGE that handles the marker itself) a deleted row it matches would go on to"
            + " the WHEN MATCHED clause after it; put the DELETE clause last of the WHEN MATCHED clauses");
  }

  @Test
  void shouldRefuseAMergeDeleteThatCascadesOrThatUndeleteWouldTurnIntoARestore() {
    SqlRewriter cascading = new SqlRewriter(SoftTables.of(List.of("users", "documents")), MARKER,
        List.of(new Cascade("documents", "user_id", "users", "id"))).withDialect(Dialect.H2);
    String delete = "MERGE INTO users u USING gone g ON u.id = g.id WHEN MATCHED THEN DELETE";
    assertThat(reason(cascading, delete)).startsWith("the table has cascades, which a MERGE's WHEN MATCHED THEN"
        + " DELETE cannot apply to its children");
    assertThat(reason(H2, SoftDeleteMode.UNDELETE, delete)).startsWith("Undelete restores the rows a DELETE"
        + " statement names");
    // erasing, HardDelete leaves the children to the database, as for a DELETE statement
    assertThat(cascading.rewrite(delete, SoftDeleteMode.HARD_DELETE).changed()).isTrue();
  }

  @Test
  void shouldRefuseOtherDatabasesMergeForms() {
    assertThat(reason(H2, "MERGE INTO users u USING gone g ON u.id = g.id WHEN MATCHED THEN UPDATE SET name = 'x'"
        + " WHERE u.visits > 1 DELETE WHERE u.visits > 9")).startsWith("Oracle's WHEN MATCHED THEN UPDATE ... WHERE");
    assertThat(reason(H2, "MERGE INTO users u USING gone g ON u.id = g.id WHEN MATCHED THEN UPDATE SET name = 'x'"
        + " OUTPUT inserted.id")).isEqualTo("a MERGE with OUTPUT is not converted; run it without");
  }

  @Test
  void shouldRefuseASourceThatCannotBeToldFromTheTarget() {
    assertThat(reason(H2, "MERGE INTO users USING (SELECT 1 AS id) users ON users.id = users.id"
        + " WHEN NOT MATCHED THEN INSERT (id) VALUES (users.id)"))
        .isEqualTo("the MERGE's source is named users like its target; give one of them an alias");
  }

  @Test
  void shouldNameTheStandardFormForTheMergeFormsTheParserCannotRead() {
    assertThat(reason(H2, "MERGE INTO users KEY (id) VALUES (?, ?)")).startsWith("the SQL parser cannot read the"
        + " statement").endsWith("; the parser does not read H2's MERGE INTO ... KEY (...) VALUES: write the standard"
        + " MERGE INTO t USING (SELECT ? AS id, ? AS name) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET"
        + " name = s.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name), which softdelete converts");
    assertThat(reason(POSTGRES, "MERGE INTO users u USING gone g ON u.id = g.id WHEN MATCHED THEN DO NOTHING"))
        .contains("the parser does not read WHEN ... THEN DO NOTHING");
    assertThat(reason(POSTGRES, "MERGE INTO users u USING gone g ON u.id = g.id WHEN NOT MATCHED BY SOURCE THEN"
        + " DELETE")).contains("the parser does not read WHEN NOT MATCHED BY SOURCE / BY TARGET");
    assertThat(reason(POSTGRES, "MERGE INTO (SELECT * FROM users) u USING gone g ON u.id = g.id WHEN MATCHED THEN"
        + " DELETE")).contains("the parser does not read a subquery as the MERGE's target");
    assertThat(reason(POSTGRES, "MERGE INTO users u USING gone g ON u.id = g.id WHEN MATCHED THEN DELETE"
        + " RETURNING u.id")).endsWith("; the parser reads MERGE INTO table [alias] USING source ON ... WHEN [NOT]"
        + " MATCHED [AND ...] THEN UPDATE SET ... / DELETE / INSERT (columns) VALUES (...), which softdelete"
        + " converts");
  }

  @Test
  void shouldPointH2sOnDuplicateKeyUpdateToTheStandardMerge() {
    assertThat(reason(H2, "INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)"))
        .contains("(this is H2); on H2 write the standard MERGE INTO t USING (SELECT ? AS id, ? AS name) s")
        .contains("(H2's MySQL mode has neither IF() nor VALUES(c) of a column the INSERT does not list, which the"
            + " ON DUPLICATE KEY UPDATE conversion needs)");
  }

  private static String reason(SqlRewriter engine, String sql) {
    return reason(engine, SoftDeleteMode.DEFAULT, sql);
  }

  private static String reason(SqlRewriter engine, SoftDeleteMode mode, String sql) {
    RewriteRefusedException refused = catchThrowableOfType(RewriteRefusedException.class,
        () -> engine.rewrite(sql, mode));
    assertThat(refused).as("refused: " + sql).isNotNull();
    assertThat(refused.table()).isEqualTo("users");
    return refused.reason();
  }
}
