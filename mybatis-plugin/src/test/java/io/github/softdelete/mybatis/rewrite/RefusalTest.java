package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertUnchanged;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import org.junit.jupiter.api.Test;

/** Statements the engine will not run, and the exact reason it gives. */
class RefusalTest {

  @Test
  void shouldRefuseTruncateOfSoftTable() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT, "truncate table users");
    assertThat(refused.table()).isEqualTo("users");
    assertThat(refused.reason()).isEqualTo("TRUNCATE would erase every row, soft-deleted or not;"
        + " run it inside HardDelete.run(...) if that is intended");
  }

  @Test
  void shouldRefuseTruncateEvenWhenIncludingDeleted() {
    assertThat(refusal(SoftDeleteMode.INCLUDE_DELETED, "truncate table orders").table()).isEqualTo("orders");
  }

  @Test
  void shouldRefuseDropTableOfSoftTable() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT, "drop table users");
    assertThat(refused.reason()).startsWith("DROP TABLE would erase every row");
  }

  @Test
  void shouldRefuseMergeIntoSoftTableWhereTheDatabaseIsNotKnown() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT,
        "merge into users u using products p on (u.id = p.id) when matched then update set u.name = p.title");
    assertThat(refused.table()).isEqualTo("users");
    assertThat(refused.reason()).isEqualTo("a MERGE may update, delete or insert beside a soft-deleted row it"
        + " meets; softdelete converts MERGE exactly only on H2 and PostgreSQL (the database is not known here);"
        + " run it inside IncludeDeleted.run(...) if deleted rows may take part as written");
  }

  @Test
  void shouldRefuseUpsertOnSoftTable() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT,
        "insert into users (id, name) values (?, ?) on duplicate key update name = values(name)");
    assertThat(refused.reason()).startsWith("an upsert (ON DUPLICATE KEY UPDATE / ON CONFLICT DO UPDATE)");
  }

  @Test
  void shouldRefuseOnConflictDoUpdateOnSoftTable() {
    assertThat(refusal(SoftDeleteMode.DEFAULT,
        "insert into users (id, name) values (?, ?) on conflict (id) do update set name = excluded.name").table())
        .isEqualTo("users");
  }

  @Test
  void shouldRefuseReplaceIntoSoftTable() {
    assertThat(refusal(SoftDeleteMode.DEFAULT, "replace into users (id, name) values (1, 'a')").reason())
        .contains("replaces or updates the row whose key it meets");
  }

  @Test
  void shouldRefuseDeleteOfSoftAndNonSoftTablesTogether() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT,
        "delete o, p from orders o join products p on p.sku = o.sku");
    assertThat(refused.reason()).isEqualTo("a DELETE of soft-deletable and ordinary tables together cannot"
        + " become one UPDATE; delete from them in separate statements");
  }

  @Test
  void shouldRefuseDataModifyingCteOnSoftTable() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT,
        "with gone as (delete from users where id = 1 returning id) select * from gone");
    assertThat(refused.table()).isEqualTo("users");
  }

  @Test
  void shouldRefuseSqlTheParserCannotReadWhenItMentionsSoftTable() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT, "select * from users where id = = 1");
    assertThat(refused.unreadable()).isTrue();
    assertThat(refused.table()).isEqualTo("users");
    assertThat(refused.reason()).startsWith("the SQL parser cannot read the statement (");
  }

  @Test
  void shouldLeaveUnreadableSqlThatMentionsNoSoftTable() {
    assertUnchanged("this is not sql on products");
  }

  @Test
  void shouldAllowSchemaChangesOnSoftTable() {
    assertUnchanged("create index users_name on users (name)");
  }
}
