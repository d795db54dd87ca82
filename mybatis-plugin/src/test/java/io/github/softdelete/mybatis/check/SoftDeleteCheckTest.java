package io.github.softdelete.mybatis.check;

import static io.github.softdelete.mybatis.check.CheckFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.SoftDeleteCheck;
import io.github.softdelete.mybatis.SoftDeleteCheck.Coverage;
import io.github.softdelete.mybatis.SoftDeleteCheck.Outcome;
import io.github.softdelete.mybatis.SoftDeleteCheck.Shape;
import io.github.softdelete.mybatis.SoftDeleteCheck.Statement;
import io.github.softdelete.mybatis.SoftDeleteCheck.Verdict;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.SoftDeleteMode;
import java.util.List;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.Test;

/** {@code SoftDeleteCheck} on the fixture mapper: what each statement becomes in each mode, before any runs. */
class SoftDeleteCheckTest {
  private static final String NS = "com.shop.UserMapper.";
  private static final String TRUNCATE_REFUSAL = "table 'users': TRUNCATE would erase every row, soft-deleted or"
      + " not; run it inside HardDelete.run(...) if that is intended";

  private static SoftDeleteCheck offline() {
    return SoftDeleteCheck.offline(CheckFixtures.mapperConfiguration(), config("tables", "users,orders"), "H2");
  }

  private static Statement statement(SoftDeleteCheck check, String id) {
    return check.statements().stream().filter(s -> s.id().equals(NS + id)).findFirst().orElseThrow();
  }

  @Test
  void shouldFindTheRefusedTruncateAndFailTheAssertionNamingItsReasonAndSql() {
    SoftDeleteCheck check = offline();

    assertThat(check.refused()).extracting(Statement::id).containsExactly(NS + "truncateUsers");
    assertThatThrownBy(check::assertNothingRefused).isInstanceOf(AssertionError.class)
        .hasMessage("softdelete: 1 statement would be refused:" + System.lineSeparator() + "  " + NS
            + "truncateUsers (default): " + TRUNCATE_REFUSAL + " | SQL: TRUNCATE TABLE users");
  }

  @Test
  void shouldPassOnceTheStatementsMeantForAScopeAreExcepted() {
    SoftDeleteCheck check = offline().except(NS + "truncateUsers");

    check.assertNothingRefused();
    assertThat(check.refused()).isEmpty();
    // HardDelete is the scope it is meant for: there it runs as written
    assertThat(statement(check, "truncateUsers").outcome(SoftDeleteMode.HARD_DELETE)).isEqualTo(Outcome.UNCHANGED);
    assertThat(check.table()).contains("excepted");
  }

  @Test
  void shouldGiveEachStaticStatementsOutcomeWithTheSqlItWouldRun() {
    SoftDeleteCheck check = offline();

    Verdict findAll = statement(check, "findAll").shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT);
    assertThat(findAll.outcome()).isEqualTo(Outcome.REWRITTEN);
    assertThat(findAll.runs()).containsExactly("SELECT id, name, status FROM users WHERE users.deleted_at IS NULL ORDER BY id");
    Statement delete = statement(check, "deleteUser");
    assertThat(delete.coverage()).isEqualTo(Coverage.EXACT);
    assertThat(delete.shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT).runs())
        .containsExactly("UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NULL");
    assertThat(delete.outcome(SoftDeleteMode.HARD_DELETE)).isEqualTo(Outcome.UNCHANGED);
    assertThat(statement(check, "audit").outcome(SoftDeleteMode.DEFAULT)).isEqualTo(Outcome.UNCHANGED);
    Verdict trash = statement(check, "trash").shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT);
    assertThat(trash.outcome()).isEqualTo(Outcome.LEFT_AS_WRITTEN);
    assertThat(trash.note()).isEqualTo("left as written: the statement filters deleted_at itself");
    assertThat(statement(check, "truncateUsers").verdicts(SoftDeleteMode.DEFAULT, Outcome.REFUSED))
        .extracting(Verdict::note).containsExactly(TRUNCATE_REFUSAL);
  }

  @Test
  void shouldRenderDynamicSqlWithNoParameterAndWithEveryParameterSet() {
    Statement search = statement(offline(), "search");

    assertThat(search.coverage()).isEqualTo(Coverage.SHAPES);
    assertThat(search.shapes()).extracting(Shape::name).containsExactly("no parameter", "every parameter set");
    assertThat(search.shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT).runs())
        .containsExactly("SELECT id, name, status FROM users WHERE users.deleted_at IS NULL");
    // name != '' and status > 0 and ids.size() > 0 all hold, and the <foreach> has one element
    assertThat(search.shapes().get(1).verdicts().get(SoftDeleteMode.DEFAULT).runs()).containsExactly(
        "SELECT id, name, status FROM users WHERE (name LIKE ? AND status = ? AND id IN (?)) AND users.deleted_at IS NULL");
  }

  @Test
  void shouldTakeAShapeBothWaysRenderOnceAndAShapeNeedingItsParameterAsThatOnlyShape() {
    SoftDeleteCheck check = offline();

    Statement byKind = statement(check, "byKind");
    assertThat(byKind.shapes()).extracting(Shape::name).containsExactly("no parameter, every parameter set");
    Statement bulk = statement(check, "bulkStatus");
    assertThat(bulk.coverage()).isEqualTo(Coverage.SHAPES);
    assertThat(bulk.shapes()).extracting(Shape::name).containsExactly("every parameter set");
    assertThat(bulk.coverageNote()).isEqualTo("dynamic SQL, checked as rendered with every parameter set; the shape"
        + " with no parameter did not render (The expression 'list' evaluated to a null value.)");
    assertThat(bulk.shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT).runs())
        .containsExactly("UPDATE users SET status = ?, name = ? WHERE (id IN (?)) AND deleted_at IS NULL");
  }

  @Test
  void shouldCallTextThatTheParameterSuppliesPartlyCheckedAndNotRefused() {
    SoftDeleteCheck check = offline();
    Statement sorted = statement(check, "sorted");

    assertThat(sorted.coverage()).isEqualTo(Coverage.PARTLY);
    assertThat(sorted.coverageNote()).isEqualTo("its ${...} text is the application's (rendered here as 1)");
    // ORDER BY with nothing after it says nothing of the SQL that runs
    Verdict empty = sorted.shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT);
    assertThat(empty.outcome()).isEqualTo(Outcome.NOT_CHECKED);
    assertThat(empty.note()).startsWith("not readable as rendered here (its ${...} text is the application's): table"
        + " 'users': the SQL parser cannot read the statement");
    assertThat(sorted.outcome(SoftDeleteMode.DEFAULT)).isEqualTo(Outcome.REWRITTEN);
    assertThat(check.partlyChecked()).extracting(Statement::id).containsExactly(NS + "sorted");
    assertThat(check.refused()).extracting(Statement::id).doesNotContain(NS + "sorted");
  }

  @Test
  void shouldPrintATableWithEachRefusalsReasonAndSql() {
    String table = offline().table();

    assertThat(table.lines().limit(2)).containsExactly(
        "softdelete check: 11 statements on H2 (offline), soft tables: orders, users",
        "  8 rewritten, 1 unchanged, 1 left as written, 1 refused in the default mode; 3 refusals in other modes;"
            + " 4 dynamic, 1 of them partly checked");
    assertThat(table).contains(String.format("%-16s %-33s %-7s %-11s %s", "refused", NS + "truncateUsers", "delete",
        "exact", "refused in include-deleted, only-deleted, undelete"));
    assertThat(table).contains(String.format("%-16s %-33s %-7s %s", "rewritten", NS + "search", "select", "2 shapes"));
    assertThat(table).contains("refused in the default mode:" + System.lineSeparator() + "  " + NS + "truncateUsers ("
        + CheckFixtures.MAPPER + ")" + System.lineSeparator() + "    " + TRUNCATE_REFUSAL + System.lineSeparator()
        + "    SQL: TRUNCATE TABLE users");
    assertThat(table).contains("partly checked:" + System.lineSeparator() + "  " + NS + "sorted: its ${...} text is"
        + " the application's (rendered here as 1)");
  }

  @Test
  void shouldWriteEveryStatementShapeAndModeAsJson() {
    String json = offline().json();

    assertThat(json).startsWith("{\n  \"database\": \"H2 (offline)\",\n  \"softTables\": [\"orders\", \"users\"],\n"
        + "  \"refused\": 1,\n  \"partlyChecked\": 1,\n");
    assertThat(json).contains("{\"id\": \"" + NS + "truncateUsers\", \"kind\": \"delete\"")
        .contains("\"hard-delete\": {\"outcome\": \"unchanged\", \"runs\": [\"TRUNCATE TABLE users\"], \"note\": null}")
        .contains("\"default\": {\"outcome\": \"refused\", \"runs\": [], \"note\": \"" + TRUNCATE_REFUSAL + "\"}")
        .contains("\"sql\": \"SELECT id, name FROM users ORDER BY 1\"");
  }

  @Test
  void shouldCheckOnTheDatabaseOfTheDataSourceWithTheRegisteredInterceptorsConfiguration() {
    PooledDataSource dataSource = CheckFixtures.database();
    Configuration configuration = CheckFixtures.mapperConfiguration();
    configuration.setEnvironment(new Environment("check", new JdbcTransactionFactory(), dataSource));
    // no tables listed: detected on the database by deleted_at; filter: the trash is filtered too
    configuration.addInterceptor(new SoftDeleteInterceptor(config("explicitMarker", "filter")));

    SoftDeleteCheck check = SoftDeleteCheck.of(configuration);

    assertThat(check.database()).isEqualTo("H2");
    assertThat(check.softTables()).containsExactly("orders", "users");
    assertThat(statement(check, "trash").outcome(SoftDeleteMode.DEFAULT)).isEqualTo(Outcome.REWRITTEN);
    assertThat(check.refused()).extracting(Statement::id).containsExactly(NS + "truncateUsers");
    dataSource.forceCloseAll();
  }

  @Test
  void shouldSayWhatIsMissingToCheckWithoutADatabase() {
    Configuration configuration = CheckFixtures.mapperConfiguration();

    assertThatThrownBy(() -> SoftDeleteCheck.of(configuration, config()))
        .isInstanceOf(SoftDeleteException.class)
        .hasMessage("softdelete: a check without a database needs the option tables=... (with no database there is"
            + " no column 'deleted_at' to detect soft tables by)");
  }

  @Test
  void shouldReportWhatRunsAsWrittenInObserveModeAndWhatEnforceWouldDo() {
    SoftDeleteCheck check = SoftDeleteCheck.offline(CheckFixtures.mapperConfiguration(),
        config("tables", "users,orders", "mode", "observe"), null);

    Verdict truncate = statement(check, "truncateUsers").shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT);
    assertThat(truncate.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(truncate.note()).isEqualTo(TRUNCATE_REFUSAL + "; mode=observe: runs as written");
    assertThat(statement(check, "findAll").shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT).note())
        .isEqualTo("mode=observe: runs as written");
  }

  @Test
  void shouldLeaveAnUnreadableSelectAsWrittenWithOnUnparseableSelectWarn() {
    Configuration configuration = CheckFixtures.read(CheckFixtures.RESOURCES.resolve("UnreadableMapper.xml"))
        .configuration();

    SoftDeleteCheck warn = SoftDeleteCheck.offline(configuration,
        config("tables", "users", "onUnparseableSelect", "warn"), null);
    SoftDeleteCheck fail = SoftDeleteCheck.offline(configuration, config("tables", "users"), null);

    Verdict passed = warn.statements().get(0).shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT);
    assertThat(passed.outcome()).isEqualTo(Outcome.LEFT_AS_WRITTEN);
    assertThat(passed.note()).startsWith("runs unchanged (onUnparseableSelect=warn): table 'users': the SQL parser"
        + " cannot read the statement");
    assertThat(fail.refused()).hasSize(1);
    assertThat(List.of(warn.refused().size())).containsExactly(0);
  }

  @Test
  void shouldRenderWhatASqlProviderBuildsWithEveryParameterSet() {
    Configuration configuration = new Configuration();
    configuration.addMapper(ProviderMapper.class);

    SoftDeleteCheck check = SoftDeleteCheck.offline(configuration, config("tables", "users"), null);

    Statement byName = check.statements().get(0);
    // with no parameter the provider has no map to read, which MyBatis reports; with every one set it filters
    assertThat(byName.coverage()).isEqualTo(Coverage.SHAPES);
    assertThat(byName.shapes()).extracting(Shape::name).containsExactly("every parameter set");
    assertThat(byName.shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT).runs())
        .containsExactly("SELECT id FROM users WHERE (name = ?) AND users.deleted_at IS NULL");
  }
}
