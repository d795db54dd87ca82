package io.github.softdelete.mybatis;

import static io.github.softdelete.mybatis.ConfigFixtures.assertRejected;
import static io.github.softdelete.mybatis.ConfigFixtures.props;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** onDeleteSet, onRestoreSet (global and per table) and restoreAudit: read, normalised, checked. */
class OnDeleteSetConfigTest {

  @Test
  void shouldReadAssignmentsSeparatedByCommasOrColons() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props(
        "onDeleteSet", "updated_at = CURRENT_TIMESTAMP, version = version + 1",
        "onRestoreSet", "restored_at=CURRENT_TIMESTAMP:note = 'a:b'::varchar", "restoreAudit", "keep"));

    assertThat(config.onDeleteSet()).isEqualTo("updated_at = CURRENT_TIMESTAMP, version = version + 1");
    // a colon inside quotes or a PostgreSQL cast is no separator
    assertThat(config.onRestoreSet()).isEqualTo("restored_at = CURRENT_TIMESTAMP, note = 'a:b'::varchar");
    assertThat(config.keepAuditOnRestore()).isTrue();
    assertThat(config.toString()).contains("onDeleteSet=updated_at = CURRENT_TIMESTAMP, version = version + 1",
        "restoreAudit=keep");
  }

  @Test
  void shouldLetATablesOwnAssignmentsWinOverTheGlobalOnes() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props(
        "onDeleteSet", "updated_at = CURRENT_TIMESTAMP", "table.orders.onDeleteSet", "version = version + 1"));

    assertThat(config.markerFor(null, "orders").onDeleteSet()).isEqualTo("version = version + 1");
    assertThat(config.markerFor(null, "users").onDeleteSet()).isEqualTo("updated_at = CURRENT_TIMESTAMP");
    assertThat(config.keepAuditOnRestore()).isFalse();
  }

  @Test
  void shouldRefuseAssignmentsThatAreNotOrThatWriteWhatSoftdeleteWrites() {
    assertRejected(props("onDeleteSet", "updated_at"), "softdelete: property 'onDeleteSet' has value"
        + " 'updated_at': not a list of assignments column = expression, separated by commas or colons");
    assertRejected(props("onDeleteSet", "deleted_at = NULL"), "softdelete: property 'onDeleteSet' has value"
        + " 'deleted_at = NULL': assigns 'deleted_at', which softdelete writes itself");
    assertRejected(props("deletedByColumn", "who", "onRestoreSet", "WHO = 'x'"), "softdelete: property"
        + " 'onRestoreSet' has value 'WHO = 'x'': assigns 'WHO', which softdelete writes itself");
    assertRejected(props("table.orders.column", "is_deleted", "table.orders.onDeleteSet", "is_deleted = 2"),
        "softdelete: property 'table.orders.onDeleteSet' has value 'is_deleted = 2': assigns 'is_deleted',"
            + " which softdelete writes itself");
    // what the parser reads after the assignments would be dropped without a word
    assertRejected(props("onDeleteSet", "version = version + 1 WHERE id = 2"), "softdelete: property"
        + " 'onDeleteSet' has value 'version = version + 1 WHERE id = 2': not a list of assignments column ="
        + " expression, separated by commas or colons");
    assertRejected(props("onDeleteSet", "a = 1, a = 2"), "softdelete: property 'onDeleteSet' has value"
        + " 'a = 1, a = 2': assigns 'a' twice");
    assertRejected(props("onDeleteSet", "o.a = 1"), "softdelete: property 'onDeleteSet' has value 'o.a = 1':"
        + " each assignment sets one unqualified column: 'o.a = 1'");
    assertRejected(props("onDeleteSet", "a = ?"), "softdelete: property 'onDeleteSet' has value 'a = ?':"
        + " parameter placeholders ('?') are not allowed in assignments");
    assertRejected(props("onDeleteSet", "a = 1; DROP TABLE users"), "softdelete: property 'onDeleteSet' has"
        + " value 'a = 1; DROP TABLE users': comments and semicolons are not allowed in assignments");
    assertRejected(props("restoreAudit", "forget"), "softdelete: property 'restoreAudit' has value 'forget':"
        + " expected 'clear' or 'keep'");
  }
}
