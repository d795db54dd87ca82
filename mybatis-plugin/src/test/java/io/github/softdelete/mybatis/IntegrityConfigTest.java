package io.github.softdelete.mybatis;

import static io.github.softdelete.mybatis.ConfigFixtures.assertRejected;
import static io.github.softdelete.mybatis.ConfigFixtures.props;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key {@code restrict}: values read, and the exact text of every rejection. */
class IntegrityConfigTest {

  @Test
  void shouldDeclareNoRestrictByDefault() {
    assertThat(SoftDeleteConfig.defaults().restricts()).isEmpty();
  }

  @Test
  void shouldReadRestrictsSeparatedByCommasOrColons() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("restrict",
        "attachments.document_id->documents.id: app.comments.user_id->users.id, attachments.document_id->documents.id"));

    assertThat(config.restricts()).containsExactly(
        new Cascade("attachments", "document_id", "documents", "id"),
        new Cascade("app.comments", "user_id", "users", "id"));
    assertThat(config.toString())
        .endsWith(", restrict=attachments.document_id->documents.id:app.comments.user_id->users.id");
    assertThat(config).isNotEqualTo(SoftDeleteConfig.fromProperties(props("restrict", "a.b->c.d")));
  }

  @Test
  void shouldAcceptRestrictsWithFlagMarkers() {
    // a restrict marks nothing, so unlike a cascade it needs no timestamp to tie rows together
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("liveValue", "0", "deletedValue", "1",
        "restrict", "documents.user_id->users.id"));

    assertThat(config.restricts()).hasSize(1);
  }

  @Test
  void shouldAcceptACycleOfRestricts() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("restrict",
        "documents.user_id->users.id, users.favourite_id->documents.id"));

    assertThat(config.restricts()).hasSize(2);
  }

  @Test
  void shouldRejectMalformedRestrict() {
    assertRejected(props("restrict", "documents->users.id"),
        "softdelete: property 'restrict' has value 'documents->users.id': 'documents->users.id' is not a"
            + " restrict relation (child_table.column->parent_table.column)");
    assertRejected(props("restrict", "a.b->c.d,,e.f->g.h"),
        "softdelete: property 'restrict' has value 'a.b->c.d,,e.f->g.h': empty restrict relation");
  }

  @Test
  void shouldRejectARestrictOfATableThatIsNotSoft() {
    assertRejected(props("tables", "users,documents", "restrict", "attachments.document_id->documents.id"),
        "softdelete: property 'restrict' has value 'attachments.document_id->documents.id':"
            + " 'attachments.document_id->documents.id' names table 'attachments', which is not in tables"
            + " (users, documents)");
  }

  @Test
  void shouldAcceptATableRestrictingItself() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("restrict", "categories.parent_id->categories.id"));

    assertThat(config.restricts()).containsExactly(new Cascade("categories", "parent_id", "categories", "id"));
  }

  @Test
  void shouldReadDetectBesideDeclaredRelations() {
    SoftDeleteConfig config = SoftDeleteConfig.fromProperties(props("cascade", "detect,notes.doc_id->documents.id",
        "restrict", "DETECT"));

    assertThat(config.detectCascades()).isTrue();
    assertThat(config.detectRestricts()).isTrue();
    assertThat(config.cascades()).containsExactly(new Cascade("notes", "doc_id", "documents", "id"));
    assertThat(config.restricts()).isEmpty();
    assertThat(config.toString()).endsWith(", cascade=detect:notes.doc_id->documents.id, restrict=detect");
    assertThat(config).isNotEqualTo(SoftDeleteConfig.fromProperties(props("cascade", "notes.doc_id->documents.id",
        "restrict", "detect")));
    assertThat(SoftDeleteConfig.defaults().detectCascades()).isFalse();
  }

  @Test
  void shouldRefuseDetectWhereNoDatabaseIsRead() {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Cascade.parseAll("detect")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'detect' derives relations from a database's foreign keys, which only the interceptor's"
            + " configuration reads; write the relations out here");
  }

  @Test
  void shouldRejectTablesRelatedByCascadeAndByRestrict() {
    assertRejected(props("cascade", "documents.user_id->users.id", "restrict", "documents.owner_id->users.id"),
        "softdelete: property 'restrict' has value 'documents.owner_id->users.id': 'documents.owner_id->users.id'"
            + " is also a cascade ('documents.user_id->users.id'): the tables documents and users are related by"
            + " cascade or by restrict, not both");
  }
}
