package io.github.softdelete.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What the soft-delete story must show, whichever way soft deletes came in: the same checks for both. */
final class SoftDeleteStoryChecks {
  private SoftDeleteStoryChecks() {}

  /** The delete kept the rows, hid them from every query, cascaded, and the purge archived the old ones. */
  static void assertRowsKeptHiddenCascadedAndPurged(Facts facts) {
    assertThat(facts.get("deleted.id")).isEqualTo("1");
    assertThat(facts.get("delete.count")).as("rows the application saw deleted").isEqualTo("1");
    assertThat(facts.list("listing.before")).containsExactly("1", "2", "3", "4", "5");
    assertThat(facts.list("listing.after")).as("listing (JOIN)").containsExactly("2", "3", "4", "5");
    assertThat(facts.list("counts.after")).as("count per user (LEFT JOIN)")
        .containsExactly("alice=1", "bob=2", "carol=1");
    assertThat(facts.list("attachments.after")).as("attachments of alice's documents (IN subquery)")
        .containsExactly("roles.docx");

    assertThat(facts.get("table.document.present")).as("document row still in the table").isEqualTo("true");
    assertThat(facts.get("table.document.deleted")).as("document row marked").isEqualTo("true");
    assertThat(facts.list("table.attachments.present")).as("attachment rows still in the table")
        .containsExactly("1", "2");
    assertThat(facts.list("table.attachments.deleted")).containsExactly("1", "2");
    assertThat(facts.list("table.attachments.withDocumentMarker"))
        .as("the cascade marked exactly the attachment that was live, with the document's marker")
        .containsExactly("1");

    assertThat(facts.get("purge.attachments")).isEqualTo("2");
    assertThat(facts.get("purge.documents")).isEqualTo("1");
    assertThat(facts.list("purge.archive.documents")).as("archived documents").containsExactly("4");
    assertThat(facts.list("purge.archive.attachments")).as("archived attachments").containsExactly("5", "6");
    assertThat(facts.list("purge.table.documents")).as("documents left in the table")
        .containsExactly("1", "2", "3", "5");
    assertThat(facts.list("purge.table.attachments")).containsExactly("1", "2", "3", "4", "7");
  }

  /** Who and why recorded, include-deleted and trash views, undo restoring exactly the cascade's children. */
  static void assertWhoWhyViewsAndUndo(Facts facts) {
    List<String> before = facts.list("listing.before");
    assertThat(facts.get("table.document.deletedBy")).isEqualTo(AppSteps.OWNER);
    assertThat(facts.get("table.document.reason")).isEqualTo(AppSteps.WHY_DOCUMENT);
    assertThat(facts.list("includeDeleted.listing")).containsExactlyElementsOf(before);
    assertThat(facts.get("detective.deleted")).isEqualTo("true");
    assertThat(facts.get("detective.by")).isEqualTo(AppSteps.OWNER);
    assertThat(facts.get("detective.why")).isEqualTo(AppSteps.WHY_DOCUMENT);
    assertThat(facts.list("trash.listing")).containsExactly("1");
    assertThat(facts.get("undo.count")).isEqualTo("1");
    assertThat(facts.list("undo.listing")).containsExactlyElementsOf(before);
    assertThat(facts.list("undo.attachments")).containsExactly("budget.xlsx", "roles.docx");
    assertThat(facts.list("undo.table.attachments.deleted"))
        .as("the attachment removed on its own before stays deleted").containsExactly("2");
    assertThat(facts.list("purge.table.documents.deleted")).as("recently deleted, inside the retention")
        .containsExactly("5");
  }
}
