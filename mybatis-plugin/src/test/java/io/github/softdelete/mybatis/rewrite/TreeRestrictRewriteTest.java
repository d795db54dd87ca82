package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.normalised;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table that restricts itself (a category tree, categories.parent_id->categories.id): the checks leave out the
 * children the same statement marks, and the parents the same restore restores, reading the statement's rows a
 * second time with its own parameters. SQL in, SQL out.
 */
class TreeRestrictRewriteTest {
  private static final SoftTables TABLES = SoftTables.of(List.of("categories"));
  private static final SoftDeleteMarker MARKER = SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP");
  private static final SqlRewriter TREE = new SqlRewriter(TABLES, MARKER, List.of())
      .withRestricts(List.of(new Cascade("categories", "parent_id", "categories", "id")));

  private static void assertSql(String actual, String expected) {
    assertThat(normalised(actual)).isEqualTo(normalised(expected));
  }

  @Test
  void shouldLeaveOutOfTheCheckTheChildrenTheSameDeleteMarks() {
    RewriteResult result = TREE.rewrite("delete from categories where id in (?, ?)", SoftDeleteMode.DEFAULT);

    assertThat(result.before()).hasSize(1);
    PlannedStatement check = result.before().get(0);
    assertSql(check.sql(), "SELECT 1 FROM categories WHERE categories.parent_id IN (SELECT categories.id"
        + " FROM categories WHERE (id IN (?, ?)) AND deleted_at IS NULL) AND categories.deleted_at IS NULL"
        + " AND categories.id NOT IN (SELECT categories.id FROM categories WHERE ((id IN (?, ?)) AND deleted_at"
        + " IS NULL) AND categories.id IS NOT NULL)");
    assertThat(check.bindings()).containsExactly(Binding.original(0), Binding.original(1), Binding.original(0),
        Binding.original(1));
    assertThat(check.refusal()).startsWith("the restrict relation 'categories.parent_id->categories.id' forbids"
        + " to delete rows of categories that still have live rows in categories");
  }

  @Test
  void shouldLeaveOutOfARestoreGuardTheParentsTheSameRestoreRestores() {
    RewriteResult result = TREE.rewrite("delete from categories c where c.id = ?", SoftDeleteMode.UNDELETE);

    PlannedStatement guard = result.before().get(0);
    assertSql(guard.sql(), "SELECT 1 FROM categories c WHERE (c.id = ?) AND deleted_at IS NOT NULL AND"
        + " c.parent_id IN (SELECT categories.id FROM categories WHERE categories.deleted_at IS NOT NULL AND"
        + " categories.id NOT IN (SELECT c.id FROM categories c WHERE ((c.id = ?) AND deleted_at IS NOT NULL)"
        + " AND c.id IS NOT NULL))");
    assertThat(guard.bindings()).containsExactly(Binding.original(0), Binding.original(0));
    assertThat(guard.refusal()).isEqualTo("the restored rows of categories have a deleted parent in categories"
        + " (relation 'categories.parent_id->categories.id'); restore the parent first, or with them in the same"
        + " statement");
  }

  @Test
  void shouldCheckAHardDeleteOfATreeWithoutWhereForNothingLeft() {
    RewriteResult result = TREE.rewrite("delete from categories", SoftDeleteMode.HARD_DELETE);

    assertSql(result.before().get(0).sql(), "SELECT 1 FROM categories WHERE categories.parent_id IN (SELECT"
        + " categories.id FROM categories) AND categories.deleted_at IS NULL AND categories.id NOT IN (SELECT"
        + " categories.id FROM categories WHERE categories.id IS NOT NULL)");
  }
}
