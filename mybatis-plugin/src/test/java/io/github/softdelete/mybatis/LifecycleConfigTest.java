package io.github.softdelete.mybatis;

import static io.github.softdelete.mybatis.ConfigFixtures.assertRejected;
import static io.github.softdelete.mybatis.ConfigFixtures.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys of who-and-why and cascades: values read, and the exact text of every rejection. */
class LifecycleConfigTest {

  /** Not public: the configuration must refuse to instantiate it. */
  static class HiddenUser implements DeletedBySupplier {
    @Override
    public String deletedBy() {
      return "hidden";
    }
  }

  @Test
  void shouldRecordNothingByDefault() {
    SoftDeleteConfig config = SoftDeleteConfig.defaults();

    assertThat(config.deletedByColumn()).isNull();
    assertThat(config.deleteReasonColumn()).isNull();
    assertThat(config.deletedBySupplier()).isNull();
    assertThat(config.cascades()).isEmpty();
  }

  @Test
  void shouldReadAuditColumnsAndSupplier() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("deletedByColumn", "deleted_by",
        "deleteReasonColumn", "\"Reason\"", "deletedBySupplier", FixedUser.class.getName()));

    assertThat(config.deletedByColumn()).isEqualTo("deleted_by");
    assertThat(config.deleteReasonColumn()).isEqualTo("\"Reason\"");
    assertThat(config.deletedBySupplier()).isInstanceOf(FixedUser.class);
    assertThat(config.toString()).endsWith(", deletedByColumn=deleted_by, deleteReasonColumn=\"Reason\","
        + " deletedBySupplier=io.github.softdelete.mybatis.FixedUser");
    assertThat(config).isEqualTo(SoftDeleteConfig.fromProperties(props("deletedByColumn", "deleted_by",
        "deleteReasonColumn", "\"Reason\"", "deletedBySupplier", FixedUser.class.getName())));
  }

  @Test
  void shouldRejectAuditColumnThatIsNotAnIdentifier() {
    assertRejected(props("deletedByColumn", "deleted by"),
        "softdelete: property 'deletedByColumn' has value 'deleted by': not a SQL identifier");
  }

  @Test
  void shouldRejectAuditColumnThatIsTheMarker() {
    assertRejected(props("deleteReasonColumn", "DELETED_AT"),
        "softdelete: property 'deleteReasonColumn' has value 'DELETED_AT': same column as the marker column"
            + " 'deleted_at'");
  }

  @Test
  void shouldRejectReasonInTheSameColumnAsUser() {
    assertRejected(props("deletedByColumn", "who", "deleteReasonColumn", "who"),
        "softdelete: property 'deleteReasonColumn' has value 'who': same column as deletedByColumn 'who'");
  }

  @Test
  void shouldRejectSupplierWithoutDeletedByColumn() {
    assertRejected(props("deletedBySupplier", FixedUser.class.getName()),
        "softdelete: property 'deletedBySupplier' has value 'io.github.softdelete.mybatis.FixedUser': has no"
            + " effect without deletedByColumn; set deletedByColumn too");
  }

  @Test
  void shouldRejectSupplierThatIsNoClass() {
    assertRejected(props("deletedByColumn", "deleted_by", "deletedBySupplier", "com.example.Nobody"),
        "softdelete: property 'deletedBySupplier' has value 'com.example.Nobody': no such class");
  }

  @Test
  void shouldRejectSupplierOfTheWrongType() {
    assertRejected(props("deletedByColumn", "deleted_by", "deletedBySupplier", "java.lang.String"),
        "softdelete: property 'deletedBySupplier' has value 'java.lang.String': does not implement"
            + " io.github.softdelete.mybatis.DeletedBySupplier");
  }

  @Test
  void shouldRejectSupplierWithoutPublicConstructor() {
    assertRejected(props("deletedByColumn", "deleted_by", "deletedBySupplier", HiddenUser.class.getName()),
        "softdelete: property 'deletedBySupplier' has value"
            + " 'io.github.softdelete.mybatis.LifecycleConfigTest$HiddenUser': needs a public constructor without"
            + " arguments");
  }

  @Test
  void shouldReadCascadesSeparatedByCommasOrColons() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("tables", "users:documents:app.attachments",
        "cascade", "documents.user_id->users.id, app.attachments.document_id->documents.id:"
            + "documents.user_id->users.id"));

    assertThat(config.cascades()).containsExactly(
        new Cascade("documents", "user_id", "users", "id"),
        new Cascade("app.attachments", "document_id", "documents", "id"));
    assertThat(config.toString())
        .endsWith(", cascade=documents.user_id->users.id:app.attachments.document_id->documents.id");
  }

  @Test
  void shouldAcceptCascadesBetweenDetectedTables() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("cascade", "\"Docs\".owner->users.id"));

    assertThat(config.cascades()).containsExactly(new Cascade("Docs", "owner", "users", "id"));
  }

  @Test
  void shouldReturnUnmodifiableCascades() {
    List<Cascade> cascades = SoftDeleteConfig.fromProperties(props("cascade", "a.b->c.d")).cascades();

    assertThatThrownBy(() -> cascades.add(new Cascade("x", "y", "z", "w")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldRejectMalformedCascade() {
    assertRejected(props("cascade", "documents.user_id=>users.id"),
        "softdelete: property 'cascade' has value 'documents.user_id=>users.id': 'documents.user_id=>users.id'"
            + " is not a cascade (child_table.column->parent_table.column)");
    assertRejected(props("cascade", "documents->users.id"),
        "softdelete: property 'cascade' has value 'documents->users.id': 'documents->users.id' is not a"
            + " cascade (child_table.column->parent_table.column)");
    assertRejected(props("cascade", "a.b->c.d,,e.f->g.h"),
        "softdelete: property 'cascade' has value 'a.b->c.d,,e.f->g.h': empty cascade");
  }

  @Test
  void shouldRejectCascadeToATableThatIsNotSoft() {
    assertRejected(props("tables", "users,documents", "cascade", "attachments.document_id->documents.id"),
        "softdelete: property 'cascade' has value 'attachments.document_id->documents.id':"
            + " 'attachments.document_id->documents.id' names table 'attachments', which is not in tables"
            + " (users, documents)");
  }

  @Test
  void shouldRejectCycles() {
    assertRejected(props("cascade", "users.manager_id->users.id"),
        "softdelete: property 'cascade' has value 'users.manager_id->users.id': 'users.manager_id->users.id'"
            + " is a cycle: a table cannot cascade to itself (marking a tree's descendants needs a recursive query,"
            + " which softdelete does not run); to refuse deleting a row that still has live children, declare it"
            + " in restrict instead");
    assertRejected(props("cascade", "documents.user_id->users.id,attachments.document_id->documents.id,"
            + "users.attachment_id->attachments.id"),
        "softdelete: property 'cascade' has value 'documents.user_id->users.id,attachments.document_id->"
            + "documents.id,users.attachment_id->attachments.id': the cascades form a cycle: users -> documents"
            + " -> attachments -> users");
  }

  @Test
  void shouldRejectCascadesWhenDeletedValueIsNoTimestamp() {
    assertRejected(props("deletedValue", "1", "liveValue", "0", "cascade", "documents.user_id->users.id"),
        "softdelete: property 'cascade' has value 'documents.user_id->users.id': cascades need deletedValue"
            + " CURRENT_TIMESTAMP (it is '1'): parent and children are marked with one timestamp, which is how"
            + " undo tells the children a cascade deleted from those deleted before");
  }

  @Test
  void shouldAcceptNowAsTimestampForCascades() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("deletedValue", "now()",
        "cascade", "documents.user_id->users.id"));

    assertThat(config.cascades()).hasSize(1);
  }
}
