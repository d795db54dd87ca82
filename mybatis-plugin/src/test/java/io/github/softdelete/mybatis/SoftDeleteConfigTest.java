package io.github.softdelete.mybatis;

import static io.github.softdelete.mybatis.ConfigFixtures.assertRejected;
import static io.github.softdelete.mybatis.ConfigFixtures.props;
import static io.github.softdelete.mybatis.ConfigFixtures.withSystemProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SoftDeleteConfigTest {
  @RegisterExtension
  final LogCapture logs = LogCapture.of(SoftDeleteConfig.class.getName());

  private static final String KNOWN =
      "known properties: column, tables, liveValue, deletedValue, cacheSize, onUnparseableSelect,"
          + " parseTimeoutMillis, mode, deletedByColumn, deleteReasonColumn, deletedBySupplier, cascade,"
          + " restrict, explicitMarker, onDeleteSet, onRestoreSet, restoreAudit, verifyOnStartup";

  // defaults

  @Test
  void shouldUseEveryDefaultWhenNothingIsSet() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(new Properties());

    assertThat(config.column()).isEqualTo("deleted_at");
    assertThat(config.tables()).isEmpty();
    assertThat(config.detectTables()).isTrue();
    assertThat(config.liveValue()).isEqualTo("NULL");
    assertThat(config.deletedValue()).isEqualTo("CURRENT_TIMESTAMP");
    assertThat(config.cacheSize()).isEqualTo(10_000);
    assertThat(config.warnOnUnparseableSelect()).isFalse();
    assertThat(config).isEqualTo(SoftDeleteConfig.defaults());
  }

  @Test
  void shouldReadNullPropertiesAsEmpty() {
    assertThat(SoftDeleteConfig.fromProperties(null)).isEqualTo(SoftDeleteConfig.defaults());
  }

  @Test
  void shouldTreatBlankValuesAsUnset() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("column", "  ", "tables", "", "liveValue", " ",
        "deletedValue", "", "cacheSize", " ", "onUnparseableSelect", ""));

    assertThat(config).isEqualTo(SoftDeleteConfig.defaults());
  }

  @Test
  void shouldListEffectiveOptionsInToString() {
    // detected markers take values set nowhere from their column's type
    assertThat(SoftDeleteConfig.defaults()).hasToString("column=deleted_at, tables=(detect), liveValue=(by type), "
        + "deletedValue=(by type), cacheSize=10000, onUnparseableSelect=fail, parseTimeoutMillis=5000,"
        + " mode=enforce");

    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("column", "removed", "tables", "users,app.orders",
        "liveValue", "0", "deletedValue", "1", "cacheSize", "50", "onUnparseableSelect", "warn",
        "parseTimeoutMillis", "250", "mode", "observe"));

    assertThat(config).hasToString("column=removed, tables=users:app.orders, liveValue=0, deletedValue=1, "
        + "cacheSize=50, onUnparseableSelect=warn, parseTimeoutMillis=250, mode=observe");
  }

  // every key

  @Test
  void shouldReadEveryKey() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("column", "removed_at", "tables", "users,app.orders",
        "liveValue", "'N'", "deletedValue", "'Y'", "cacheSize", "250", "onUnparseableSelect", "warn",
        "parseTimeoutMillis", "1500"));

    assertThat(config.column()).isEqualTo("removed_at");
    assertThat(config.tables()).containsExactly("users", "app.orders");
    assertThat(config.detectTables()).isFalse();
    assertThat(config.liveValue()).isEqualTo("'N'");
    assertThat(config.deletedValue()).isEqualTo("'Y'");
    assertThat(config.cacheSize()).isEqualTo(250);
    assertThat(config.warnOnUnparseableSelect()).isTrue();
    assertThat(config.parseTimeoutMillis()).isEqualTo(1500);
  }

  @Test
  void shouldAcceptQuotedColumnNames() {
    assertThat(SoftDeleteConfig.fromProperties(props("column", "\"Deleted At\"")).column()).isEqualTo("\"Deleted At\"");
    assertThat(SoftDeleteConfig.fromProperties(props("column", "`removed`")).column()).isEqualTo("`removed`");
    assertThat(SoftDeleteConfig.fromProperties(props("column", "_gone$1")).column()).isEqualTo("_gone$1");
  }

  @Test
  void shouldSplitTablesAtCommasAndColonsAndIgnoreDuplicates() {
    SoftDeleteConfig config =
        SoftDeleteConfig.fromProperties(props("tables", " users : orders, app.invoices,USERS:App.Invoices "));

    assertThat(config.tables()).containsExactly("users", "orders", "app.invoices");
  }

  @Test
  void shouldStoreQuotedTableNamesWithoutQuotes() {
    SoftDeleteConfig config =
        SoftDeleteConfig.fromProperties(props("tables", "\"Order Lines\",`app`.\"my:table\",\"a,b\""));

    assertThat(config.tables()).containsExactly("Order Lines", "app.my:table", "a,b");
  }

  @Test
  void shouldReturnUnmodifiableTables() {
    List<String> tables = SoftDeleteConfig.fromProperties(props("tables", "users")).tables();

    assertThatThrownBy(() -> tables.add("orders")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldReadNullLiveValueInAnyCase() {
    assertThat(SoftDeleteConfig.fromProperties(props("liveValue", "null")).liveValue()).isEqualTo("NULL");
  }

  @Test
  void shouldAcceptSqlExpressionsAsValues() {
    for (String value : List.of("1", "TRUE", "id", "NOW()", "'it''s -- not a comment'", "CAST(1 AS SMALLINT)")) {
      assertThat(SoftDeleteConfig.fromProperties(props("deletedValue", value)).deletedValue()).isEqualTo(value);
    }
    assertThat(SoftDeleteConfig.fromProperties(props("liveValue", "FALSE", "deletedValue", "TRUE")).liveValue())
        .isEqualTo("FALSE");
  }

  @Test
  void shouldReadOnUnparseableSelectInAnyCase() {
    assertThat(SoftDeleteConfig.fromProperties(props("onUnparseableSelect", "WARN")).warnOnUnparseableSelect()).isTrue();
    assertThat(SoftDeleteConfig.fromProperties(props("onUnparseableSelect", "fail")).warnOnUnparseableSelect())
        .isFalse();
  }

  // error messages

  @Test
  void shouldRejectColumnThatIsNotAnIdentifier() {
    assertRejected(props("column", "deleted at"),
        "softdelete: property 'column' has value 'deleted at': not a SQL identifier");
    assertRejected(props("column", "1st"), "softdelete: property 'column' has value '1st': not a SQL identifier");
    assertRejected(props("column", "t.deleted_at"),
        "softdelete: property 'column' has value 't.deleted_at': not a SQL identifier");
    assertRejected(props("column", "\"\""), "softdelete: property 'column' has value '\"\"': not a SQL identifier");
  }

  @Test
  void shouldRejectValuesThatAreNotSqlExpressions() {
    assertRejected(props("deletedValue", "CURRENT_TIMESTAMP("),
        "softdelete: property 'deletedValue' has value 'CURRENT_TIMESTAMP(': not a SQL expression");
    assertRejected(props("liveValue", "'N"), "softdelete: property 'liveValue' has value ''N': not a SQL expression");
    assertRejected(props("deletedValue", "1 2"), "softdelete: property 'deletedValue' has value '1 2': not a SQL expression");
  }

  @Test
  void shouldRejectCommentsAndSemicolonsInValues() {
    assertRejected(props("deletedValue", "1 -- gone"), "softdelete: property 'deletedValue' has value '1 -- gone': "
        + "comments and semicolons are not allowed in a SQL expression");
    assertRejected(props("liveValue", "0 /* live */"), "softdelete: property 'liveValue' has value '0 /* live */': "
        + "comments and semicolons are not allowed in a SQL expression");
    assertRejected(props("deletedValue", "1; DROP TABLE users"), "softdelete: property 'deletedValue' has value "
        + "'1; DROP TABLE users': comments and semicolons are not allowed in a SQL expression");
  }

  @Test
  void shouldRejectParameterPlaceholderInValues() {
    assertRejected(props("deletedValue", "COALESCE(?, 1)"), "softdelete: property 'deletedValue' has value "
        + "'COALESCE(?, 1)': parameter placeholders ('?') are not allowed in a SQL expression");
  }

  @Test
  void shouldAcceptQuestionMarkInsideStringLiteral() {
    assertThat(SoftDeleteConfig.fromProperties(props("deletedValue", "'why?'")).deletedValue()).isEqualTo("'why?'");
  }

  @Test
  void shouldRejectNullDeletedValue() {
    assertRejected(props("liveValue", "0", "deletedValue", "null"), "softdelete: property 'deletedValue' has value "
        + "'null': deleted rows must be told apart from live ones by a value other than NULL");
  }

  @Test
  void shouldRejectDeletedValueSameAsLiveValue() {
    assertRejected(props("liveValue", "X  +  1", "deletedValue", "x + 1"), "softdelete: property 'deletedValue' "
        + "has value 'x + 1': same as liveValue 'X  +  1', so deleted rows would look live");
    assertRejected(props("liveValue", "CURRENT_TIMESTAMP"), "softdelete: property 'deletedValue' has value "
        + "'CURRENT_TIMESTAMP': same as liveValue 'CURRENT_TIMESTAMP', so deleted rows would look live");
  }

  @Test
  void shouldRejectCacheSizeThatIsNotAWholeNumberOfAtLeastOne() {
    assertRejected(props("cacheSize", "0"),
        "softdelete: property 'cacheSize' has value '0': not a whole number of at least 1");
    for (String bad : List.of("-5", "1.5", "ten", "99999999999")) {
      assertRejected(props("cacheSize", bad),
          "softdelete: property 'cacheSize' has value '" + bad + "': not a whole number of at least 1");
    }
  }

  @Test
  void shouldEnforceUnlessModeIsObserve() {
    assertThat(SoftDeleteConfig.defaults().observe()).isFalse();
    assertThat(SoftDeleteConfig.fromProperties(props("mode", "enforce")).observe()).isFalse();
    assertThat(SoftDeleteConfig.fromProperties(props("mode", "OBSERVE")).observe()).isTrue();
  }

  @Test
  void shouldRespectExplicitMarkersUnlessExplicitMarkerIsFilter() {
    assertThat(SoftDeleteConfig.defaults().respectExplicitMarkers()).isTrue();
    assertThat(SoftDeleteConfig.fromProperties(props("explicitMarker", "respect")).respectExplicitMarkers()).isTrue();
    SoftDeleteConfig filter = SoftDeleteConfig.fromProperties(props("explicitMarker", "FILTER"));
    assertThat(filter.respectExplicitMarkers()).isFalse();
    assertThat(filter.toString()).endsWith("mode=enforce, explicitMarker=filter");
    withSystemProperty("softdelete.explicitMarker", "filter",
        () -> assertThat(SoftDeleteConfig.fromProperties(null).respectExplicitMarkers()).isFalse());
  }

  @Test
  void shouldRejectUnknownExplicitMarker() {
    assertRejected(props("explicitMarker", "ignore"),
        "softdelete: property 'explicitMarker' has value 'ignore': expected 'respect' or 'filter'");
  }

  @Test
  void shouldVerifyOnStartupOnlyWhenAsked() {
    assertThat(SoftDeleteConfig.defaults().verifyOnStartup()).isEqualTo(SoftDeleteConfig.VerifyOnStartup.OFF);
    SoftDeleteConfig warn = SoftDeleteConfig.fromProperties(props("verifyOnStartup", "WARN"));
    assertThat(warn.verifyOnStartup()).isEqualTo(SoftDeleteConfig.VerifyOnStartup.WARN);
    assertThat(warn.toString()).endsWith("mode=enforce, verifyOnStartup=warn");
    assertThat(SoftDeleteConfig.defaults().toString()).doesNotContain("verifyOnStartup");
    withSystemProperty("softdelete.verifyOnStartup", "fail", () -> assertThat(
        SoftDeleteConfig.fromProperties(null).verifyOnStartup()).isEqualTo(SoftDeleteConfig.VerifyOnStartup.FAIL));
  }

  @Test
  void shouldRejectAnUnknownVerifyOnStartup() {
    assertRejected(props("verifyOnStartup", "yes"),
        "softdelete: property 'verifyOnStartup' has value 'yes': expected 'off', 'warn' or 'fail'");
  }

  @Test
  void shouldRejectVerifyOnStartupFailInObserveMode() {
    assertRejected(props("verifyOnStartup", "fail", "mode", "observe"),
        "softdelete: property 'verifyOnStartup' has value 'fail': mode=observe runs every statement as written, so"
            + " none can be refused; use warn");
  }

  @Test
  void shouldRejectUnknownMode() {
    assertRejected(props("mode", "dry-run"), "softdelete: property 'mode' has value 'dry-run': expected 'enforce' or "
        + "'observe'");
  }

  @Test
  void shouldRejectParseTimeoutThatIsNotAWholeNumberOfMillisecondsOfAtLeastOne() {
    for (String bad : List.of("0", "-1", "5s", "1.5", "99999999999")) {
      assertRejected(props("parseTimeoutMillis", bad),
          "softdelete: property 'parseTimeoutMillis' has value '" + bad + "': not a whole number of at least 1");
    }
  }

  @Test
  void shouldRejectSqlSmuggledIntoIdentifiers() {
    assertRejected(props("column", "deleted_at IS NULL OR 1=1 --"), "softdelete: property 'column' has value "
        + "'deleted_at IS NULL OR 1=1 --': not a SQL identifier");
    assertRejected(props("tables", "users; DROP TABLE users"), "softdelete: property 'tables' has value "
        + "'users; DROP TABLE users': 'users; DROP TABLE users' is not a table name (table or schema.table, each a"
        + " SQL identifier)");
  }

  @Test
  void shouldRejectASecondStatementInAValue() {
    assertRejected(props("deletedValue", "1; DELETE FROM users"), "softdelete: property 'deletedValue' has value "
        + "'1; DELETE FROM users': comments and semicolons are not allowed in a SQL expression");
  }

  @Test
  void shouldRejectUnknownOnUnparseableSelect() {
    assertRejected(props("onUnparseableSelect", "ignore"),
        "softdelete: property 'onUnparseableSelect' has value 'ignore': expected 'fail' or 'warn'");
  }

  @Test
  void shouldRejectEmptyTableNames() {
    assertRejected(props("tables", "users,,orders"),
        "softdelete: property 'tables' has value 'users,,orders': empty table name");
    assertRejected(props("tables", "users:"), "softdelete: property 'tables' has value 'users:': empty table name");
    assertRejected(props("tables", ","), "softdelete: property 'tables' has value ',': empty table name");
  }

  @Test
  void shouldRejectTableNamesThatAreNotIdentifiers() {
    String reason = "is not a table name (table or schema.table, each a SQL identifier)";
    assertRejected(props("tables", "users,bad name"),
        "softdelete: property 'tables' has value 'users,bad name': 'bad name' " + reason);
    assertRejected(props("tables", "db.app.users"),
        "softdelete: property 'tables' has value 'db.app.users': 'db.app.users' " + reason);
    assertRejected(props("tables", "app."), "softdelete: property 'tables' has value 'app.': 'app.' " + reason);
    assertRejected(props("tables", "\"a.b\""), "softdelete: property 'tables' has value '\"a.b\"': '\"a.b\"' " + reason);
  }

  @Test
  void shouldRejectUnknownProperty() {
    assertRejected(props("colum", "removed_at"), "softdelete: unknown property 'colum'; " + KNOWN);
  }

  // system properties

  @Test
  void shouldStartAndWarnOnceAboutASoftdeleteSystemPropertyThatIsNoKey() {
    // what mvn -Dsoftdelete.version=0.2.0 verify hands every test JVM through Surefire
    withSystemProperty("softdelete.version", "0.2.0", () -> {
      assertThat(SoftDeleteConfig.fromProperties(new Properties())).isEqualTo(SoftDeleteConfig.defaults());
      assertThat(SoftDeleteConfig.fromProperties(new Properties())).isEqualTo(SoftDeleteConfig.defaults());
    });

    assertThat(logs.warnings()).extracting(java.util.logging.LogRecord::getMessage).containsExactly(
        "softdelete: ignoring system property 'softdelete.version', which is not a softdelete key; known keys: "
            + KNOWN.substring("known properties: ".length()));
  }

  @Test
  void shouldStillRejectAnUnknownPluginPropertyWhileWarningAboutSystemProperties() {
    withSystemProperty("softdelete.release", "0.2.0", () ->
        assertRejected(props("version", "0.2.0"), "softdelete: unknown property 'version'; " + KNOWN));
  }

  @Test
  void shouldIgnoreSystemPropertiesOutsideSoftdelete() {
    withSystemProperty("softdeleted.colum", "x", () ->
        assertThat(SoftDeleteConfig.fromProperties(new Properties())).isEqualTo(SoftDeleteConfig.defaults()));
  }

  @Test
  void shouldReadSystemPropertyWhenPropertiesDoNotSetTheKey() {
    withSystemProperty("softdelete.column", "removed_at", () -> {
      assertThat(SoftDeleteConfig.fromProperties(new Properties()).column()).isEqualTo("removed_at");
      assertThat(SoftDeleteConfig.fromProperties(props("column", " ")).column()).isEqualTo("removed_at");
    });
  }

  @Test
  void shouldPreferGivenPropertiesOverSystemProperties() {
    withSystemProperty("softdelete.cacheSize", "7", () -> {
      SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("cacheSize", "3", "column", "gone"));

      assertThat(config.cacheSize()).isEqualTo(3);
      assertThat(config.column()).isEqualTo("gone");
    });
  }

  @Test
  void shouldLetSystemPropertiesSetEveryKey() {
    withSystemProperty("softdelete.tables", "users:orders", () ->
        withSystemProperty("softdelete.liveValue", "0", () ->
            withSystemProperty("softdelete.deletedValue", "1", () ->
                withSystemProperty("softdelete.onUnparseableSelect", "warn", () -> {
                  SoftDeleteConfig config = SoftDeleteConfig.fromProperties(new Properties());

                  assertThat(config.tables()).containsExactly("users", "orders");
                  assertThat(config.liveValue()).isEqualTo("0");
                  assertThat(config.deletedValue()).isEqualTo("1");
                  assertThat(config.warnOnUnparseableSelect()).isTrue();
                }))));
  }

  @Test
  void shouldNameTheSystemPropertyThatHasABadValue() {
    withSystemProperty("softdelete.column", "deleted at", () -> assertRejected(new Properties(),
        "softdelete: system property 'softdelete.column' has value 'deleted at': not a SQL identifier"));
  }

  @Test
  void shouldIgnoreDefaultsOfSystemPropertiesInDefaults() {
    withSystemProperty("softdelete.column", "removed_at", () ->
        assertThat(SoftDeleteConfig.defaults().column()).isEqualTo("deleted_at"));
  }

  // value semantics

  @Test
  void shouldBeEqualWhenEveryOptionIsEqual() {
    SoftDeleteConfig one = SoftDeleteConfig.fromProperties(props("tables", "users", "cacheSize", "5"));
    SoftDeleteConfig same = SoftDeleteConfig.fromProperties(props("tables", "users", "cacheSize", "5"));
    SoftDeleteConfig other = SoftDeleteConfig.fromProperties(props("tables", "users", "cacheSize", "6"));

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
  }
}
