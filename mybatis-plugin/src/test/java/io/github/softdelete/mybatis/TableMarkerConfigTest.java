package io.github.softdelete.mybatis;

import static io.github.softdelete.mybatis.ConfigFixtures.assertRejected;
import static io.github.softdelete.mybatis.ConfigFixtures.props;
import static io.github.softdelete.mybatis.ConfigFixtures.withSystemProperty;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-table keys {@code table.<name>.*}: read from every source, checked, shown. */
class TableMarkerConfigTest {
  private static final String ATTRIBUTES = "per-table keys are table.<table or schema.table>.<attribute>, "
      + "attributes: column, liveValue, deletedValue, deletedByColumn, deleteReasonColumn, onDeleteSet, onRestoreSet";

  @RegisterExtension
  final LogCapture logs = LogCapture.of(SoftDeleteConfig.class.getName());

  @Test
  void shouldReadEveryPerTableKey() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props(
        "table.sys_user.column", "del_flag", "table.sys_user.liveValue", "'0'",
        "table.sys_user.deletedValue", "'2'", "table.sys_user.deletedByColumn", "del_by",
        "table.sys_user.deleteReasonColumn", "del_why"));

    assertThat(config.tableMarkers()).singleElement().satisfies(marker -> {
      assertThat(marker.table()).isEqualTo("sys_user");
      assertThat(marker.columns()).containsExactly("del_flag");
      assertThat(marker.liveValue()).isEqualTo("'0'");
      assertThat(marker.deletedValue()).isEqualTo("'2'");
      assertThat(marker.deletedByColumn()).isEqualTo("del_by");
      assertThat(marker.deleteReasonColumn()).isEqualTo("del_why");
    });
  }

  @Test
  void shouldReadSchemaQualifiedAndQuotedTableNames() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props(
        "table.app.orders.column", "removed_at", "table.\"Order Lines\".column", "gone_at"));

    assertThat(config.tableMarkers()).extracting(TableMarker::table).containsExactly("app.orders", "Order Lines");
    assertThat(config.markerFor("app", "orders").columns()).containsExactly("removed_at");
    assertThat(config.markerFor("other", "orders").columns()).containsExactly("deleted_at");
    assertThat(config.markerFor(null, "order lines").columns()).containsExactly("gone_at");
  }

  @Test
  void shouldLetPerTableKeysWinOverGlobalOnesForTheirTableOnly() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("liveValue", "0", "deletedValue", "1",
        "column", "is_deleted", "deletedByColumn", "deleted_by",
        "table.sys_user.column", "del_flag", "table.sys_user.deletedValue", "'2'"));

    TableMarker sysUser = config.markerFor(null, "sys_user");
    assertThat(sysUser.columns()).containsExactly("del_flag");
    assertThat(sysUser.liveValue()).isEqualTo("0");
    assertThat(sysUser.deletedValue()).isEqualTo("'2'");
    assertThat(sysUser.deletedByColumn()).isEqualTo("deleted_by");
    TableMarker other = config.markerFor("app", "orders");
    assertThat(other.columns()).containsExactly("is_deleted");
    assertThat(other.deletedValue()).isEqualTo("1");
  }

  @Test
  void shouldLeaveValuesSetNowhereToTheColumnsType() {
    TableMarker marker = SoftDeleteConfig.fromProperties(props("table.t.column", "is_deleted")).markerFor(null, "t");

    assertThat(marker.liveValue()).isNull();
    assertThat(marker.deletedValue()).isNull();
  }

  @Test
  void shouldAddPerTableTablesToTheConfiguredTables() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("tables", "users,orders",
        "table.sys_user.column", "del_flag", "table.sys_user.liveValue", "'0'", "table.sys_user.deletedValue", "'2'",
        "table.ORDERS.deletedByColumn", "who"));

    assertThat(config.tables()).containsExactly("users", "orders", "sys_user");
  }

  @Test
  void shouldKeepDetectingWithPerTableKeys() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("table.sys_user.column", "del_flag"));

    assertThat(config.detectTables()).isTrue();
    assertThat(config.tables()).isEmpty();
  }

  @Test
  void shouldReadColumnCandidates() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("column", "deleted_at:is_deleted:del_flag",
        "table.t.column", "a:\"b:c\""));

    assertThat(config.columns()).containsExactly("deleted_at", "is_deleted", "del_flag");
    assertThat(config.column()).isEqualTo("deleted_at");
    assertThat(config.markerFor(null, "t").columns()).containsExactly("a", "\"b:c\"");
  }

  @Test
  void shouldNeedMetadataOnlyWhereTheConfigurationLeavesAMarkerOpen() {
    assertThat(SoftDeleteConfig.fromProperties(props("tables", "users")).needsMetadata()).isFalse();
    assertThat(SoftDeleteConfig.fromProperties(props("tables", "users", "table.orders.deletedByColumn", "who"))
        .needsMetadata()).isFalse();
    assertThat(SoftDeleteConfig.fromProperties(props("tables", "users", "table.orders.column", "removed",
        "table.orders.liveValue", "0", "table.orders.deletedValue", "1")).needsMetadata()).isFalse();
    assertThat(SoftDeleteConfig.fromProperties(props("tables", "users", "table.orders.column", "removed"))
        .needsMetadata()).isTrue();
    assertThat(SoftDeleteConfig.fromProperties(props("tables", "users", "column", "deleted_at:is_deleted"))
        .needsMetadata()).isTrue();
    assertThat(SoftDeleteConfig.fromProperties(props()).needsMetadata()).isTrue();
  }

  @Test
  void shouldShowPerTableKeysInToString() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("tables", "users",
        "table.sys_user.column", "del_flag", "table.sys_user.liveValue", "'0'", "table.sys_user.deletedValue", "'2'",
        "table.app.orders.column", "removed_at:gone_at", "table.app.orders.deleteReasonColumn", "why"));

    assertThat(config).hasToString("column=deleted_at, tables=users:app.orders:sys_user, liveValue=(by type), "
        + "deletedValue=(by type), cacheSize=10000, onUnparseableSelect=fail, parseTimeoutMillis=5000, mode=enforce, "
        + "table.app.orders.column=removed_at:gone_at, table.app.orders.deleteReasonColumn=why, "
        + "table.sys_user.column=del_flag, table.sys_user.liveValue='0', table.sys_user.deletedValue='2'");
  }

  @Test
  void shouldCompareConfigurationsByTheirPerTableKeys() {
    assertThat(SoftDeleteConfig.fromProperties(props("table.t.column", "a")))
        .isEqualTo(SoftDeleteConfig.fromProperties(props("table.T.column", "a")))
        .isNotEqualTo(SoftDeleteConfig.fromProperties(props("table.t.column", "b")));
  }

  // every channel

  @Test
  void shouldReadAPerTableSystemProperty() {
    withSystemProperty("softdelete.table.sys_user.column", "del_flag", () -> {
      SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("tables", "users"));
      assertThat(config.markerFor(null, "sys_user").columns()).containsExactly("del_flag");
      assertThat(config.tables()).containsExactly("users", "sys_user");
    });
  }

  @Test
  void shouldLetAPluginPropertyWinOverThePerTableSystemProperty() {
    withSystemProperty("softdelete.table.t.liveValue", "0", () -> assertThat(
        SoftDeleteConfig.fromProperties(props("table.t.liveValue", "FALSE")).markerFor(null, "t").liveValue())
        .isEqualTo("FALSE"));
  }

  @Test
  void shouldIgnorePerTableSystemPropertiesWhenReadingPropertiesOnly() {
    withSystemProperty("softdelete.table.t.column", "gone", () ->
        assertThat(SoftDeleteConfig.fromPropertiesOnly(new Properties()).tableMarkers()).isEmpty());
  }

  @Test
  void shouldWarnAboutAPerTableSystemPropertyWithAnUnknownAttribute() {
    withSystemProperty("softdelete.table.users.colour", "red", () ->
        assertThat(SoftDeleteConfig.fromProperties(new Properties()).tableMarkers()).isEmpty());

    assertThat(logs.warnings()).extracting(LogRecord::getMessage).containsExactly("softdelete: ignoring system"
        + " property 'softdelete.table.users.colour', which is not a softdelete key; " + ATTRIBUTES);
  }

  // errors

  @Test
  void shouldRejectAnUnknownPerTableAttribute() {
    assertRejected(props("table.users.colour", "red"),
        "softdelete: unknown property 'table.users.colour'; " + ATTRIBUTES);
  }

  @Test
  void shouldRejectAPerTableKeyWithoutTableName() {
    assertRejected(props("table.column", "x"), "softdelete: unknown property 'table.column'; " + ATTRIBUTES);
    assertRejected(props("table.a.b.c.column", "x"),
        "softdelete: unknown property 'table.a.b.c.column'; " + ATTRIBUTES);
  }

  @Test
  void shouldRejectAPerTableColumnThatIsNotAnIdentifier() {
    assertRejected(props("table.users.column", "deleted at"),
        "softdelete: property 'table.users.column' has value 'deleted at': not a SQL identifier");
    assertRejected(props("table.users.column", "a::b"),
        "softdelete: property 'table.users.column' has value 'a::b': empty column name");
    assertRejected(props("column", "a:b c"),
        "softdelete: property 'column' has value 'a:b c': not a SQL identifier: 'b c'");
  }

  @Test
  void shouldRejectPerTableValuesThatAreNotSqlExpressions() {
    assertRejected(props("table.users.liveValue", "'N"),
        "softdelete: property 'table.users.liveValue' has value ''N': not a SQL expression");
    assertRejected(props("table.users.deletedValue", "1; DROP TABLE users"), "softdelete: property "
        + "'table.users.deletedValue' has value '1; DROP TABLE users': comments and semicolons are not allowed in"
        + " a SQL expression");
  }

  @Test
  void shouldRejectAPerTableDeletedValueOfNull() {
    assertRejected(props("table.users.deletedValue", "null"), "softdelete: property 'table.users.deletedValue'"
        + " has value 'null': deleted rows must be told apart from live ones by a value other than NULL");
  }

  @Test
  void shouldRejectAPerTableDeletedValueEqualToTheLiveValue() {
    assertRejected(props("table.users.liveValue", "0", "table.users.deletedValue", "0"), "softdelete: property "
        + "'table.users.deletedValue' has value '0': same as liveValue '0', so deleted rows would look live");
    assertRejected(props("deletedValue", "1", "table.users.liveValue", "1"), "softdelete: property "
        + "'table.users.liveValue' has value '1': same as deletedValue '1', so deleted rows would look live");
  }

  @Test
  void shouldRejectAPerTableAuditColumnThatIsTheMarkerColumn() {
    assertRejected(props("table.users.column", "gone", "table.users.deletedByColumn", "GONE"), "softdelete: "
        + "property 'table.users.deletedByColumn' has value 'GONE': same column as the marker column 'gone'");
    assertRejected(props("table.users.deleteReasonColumn", "deleted_at"), "softdelete: property "
        + "'table.users.deleteReasonColumn' has value 'deleted_at': same column as the marker column 'deleted_at'");
    assertRejected(props("deletedByColumn", "who", "table.users.column", "who"), "softdelete: property "
        + "'table.users.column' has value 'who': same column as the audit column 'who' that table 'users' takes"
        + " from the global keys");
    assertRejected(props("table.users.deletedByColumn", "who", "table.users.deleteReasonColumn", "who"),
        "softdelete: property 'table.users.deleteReasonColumn' has value 'who': same column as deletedByColumn"
            + " 'who'");
  }

  @Test
  void shouldAcceptADeletedBySupplierWithOnlyAPerTableDeletedByColumn() {
    assertThat(SoftDeleteConfig.fromProperties(props("table.users.deletedByColumn", "who",
        "deletedBySupplier", FixedUser.class.getName())).deletedBySupplier()).isInstanceOf(FixedUser.class);
  }

  // cascades

  @Test
  void shouldAcceptACascadeBetweenTablesWithDifferentTimestampMarkers() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("tables", "users",
        "table.orders.column", "removed_at", "table.orders.liveValue", "NULL",
        "table.orders.deletedValue", "NOW()", "cascade", "orders.user_id->users.id"));

    assertThat(config.cascades()).containsExactly(new Cascade("orders", "user_id", "users", "id"));
  }

  @Test
  void shouldRefuseACascadeThroughATableWhoseMarkerIsAFlag() {
    assertRejected(props("tables", "users", "table.orders.column", "is_deleted", "table.orders.liveValue", "0",
        "table.orders.deletedValue", "1", "cascade", "orders.user_id->users.id"), "softdelete: property 'cascade'"
        + " has value 'orders.user_id->users.id': the cascade 'orders.user_id->users.id' goes through table"
        + " 'orders', whose deletedValue '1' is not a timestamp: parent and children are tied by one deletion"
        + " timestamp, which is how undo tells the children a cascade deleted from those deleted before; give"
        + " table 'orders' a timestamp marker (table.orders.deletedValue=CURRENT_TIMESTAMP) or drop the cascade");
  }

  @Test
  void shouldAcceptACascadeWhoseTablesOwnTimestampsOverrideAGlobalFlag() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("deletedValue", "1", "liveValue", "0",
        "table.users.deletedValue", "CURRENT_TIMESTAMP", "table.users.liveValue", "NULL",
        "table.orders.deletedValue", "CURRENT_TIMESTAMP", "table.orders.liveValue", "NULL",
        "cascade", "orders.user_id->users.id"));

    assertThat(config.cascades()).hasSize(1);
  }

  @Test
  void shouldLetCascadesNamePerTableTablesWhenTablesAreListed() {
    assertThat(SoftDeleteConfig.fromProperties(props("tables", "users", "table.orders.deletedByColumn", "who",
        "cascade", "orders.user_id->users.id")).cascades()).hasSize(1);
  }

  @Test
  void shouldListThePerTableAttributes() {
    assertThat(SoftDeleteConfig.tableKeys())
        .isEqualTo(List.of("column", "liveValue", "deletedValue", "deletedByColumn", "deleteReasonColumn",
            "onDeleteSet", "onRestoreSet"));
  }
}
