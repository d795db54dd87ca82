package io.github.softdelete.demo;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.demo.app.AppDatabase;
import io.github.softdelete.demo.app.AttachmentRow;
import io.github.softdelete.demo.app.DocumentRow;
import io.github.softdelete.demo.app.OwnerCount;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs both stories in-process and checks what they show, and what the tables hold, by plain JDBC
 * behind MyBatis's back.
 */
class DemoStoryTest {
  private final Printer quiet = new Printer(new PrintStream(OutputStream.nullOutputStream()));

  @Test
  void shouldEraseTheDocumentAndItsAttachmentsWithoutThePlugin() {
    // given
    AppDatabase database = AppDatabase.create(PlainStory.CONFIG);

    // when
    Outcome story = new PlainStory(database, quiet).run();

    // then
    long id = story.deleted().id();
    assertThat(story.deleteCount()).isEqualTo(1);
    assertThat(story.before()).contains(story.deleted());
    assertThat(story.after()).doesNotContain(story.deleted()).hasSize(story.before().size() - 1);
    assertThat(story.countsPerUser()).containsExactlyElementsOf(countsPerOwner(story.after()));
    assertThat(story.ownerAttachments()).extracting(AttachmentRow::documentId).doesNotContain(id);
    assertThat(ids(database, "SELECT id FROM documents WHERE id = ?", id)).isEmpty();
    assertThat(ids(database, "SELECT id FROM attachments WHERE document_id = ?", id)).isEmpty();
  }

  @Test
  void shouldHideTheSoftDeletedDocumentFromListingCountAndSubquery() {
    // given
    AppDatabase database = AppDatabase.create(SoftDeleteStory.CONFIG);

    // when
    Outcome story = new SoftDeleteStory(database, quiet).run().app();

    // then
    long id = story.deleted().id();
    assertThat(story.deleteCount()).isEqualTo(1);
    assertThat(story.after()).doesNotContain(story.deleted()).hasSize(story.before().size() - 1);
    assertThat(story.countsPerUser()).containsExactlyElementsOf(countsPerOwner(story.after()));
    assertThat(story.countsPerUser())
        .contains(new OwnerCount(AppSteps.OWNER, countsOf(story.before(), AppSteps.OWNER) - 1));
    assertThat(ids(database, "SELECT id FROM attachments WHERE document_id = ?", id))
        .as("the deleted document's attachments are still stored")
        .isNotEmpty();
    assertThat(story.ownerAttachments()).extracting(AttachmentRow::documentId)
        .as("but no longer reachable through the subquery on documents")
        .doesNotContain(id)
        .isNotEmpty();
  }

  @Test
  void shouldKeepTheSoftDeletedDocumentInTheTableAndRestoreItOnUndo() {
    // given
    AppDatabase database = AppDatabase.create(SoftDeleteStory.CONFIG);

    // when
    SoftDeleteStory.Result story = new SoftDeleteStory(database, quiet).run();

    // then
    Outcome app = story.app();
    assertThat(story.includingDeleted()).as("listing inside IncludeDeleted")
        .containsExactlyElementsOf(app.before());
    assertThat(story.afterRestore()).containsExactlyElementsOf(app.before());
    assertThat(ids(database, "SELECT id FROM documents WHERE id = ? AND deleted_at IS NULL", app.deleted().id()))
        .containsExactly(app.deleted().id());
  }

  private static List<OwnerCount> countsPerOwner(List<DocumentRow> documents) {
    Map<String, Long> counts = documents.stream().collect(groupingBy(DocumentRow::owner, counting()));
    return counts.entrySet().stream()
        .map(entry -> new OwnerCount(entry.getKey(), entry.getValue()))
        .sorted((a, b) -> a.owner().compareTo(b.owner()))
        .collect(Collectors.toList());
  }

  private static long countsOf(List<DocumentRow> documents, String owner) {
    return documents.stream().filter(document -> document.owner().equals(owner)).count();
  }

  // plain JDBC, so neither MyBatis nor its plugins stand between the test and the table
  private static List<Long> ids(AppDatabase database, String sql, long parameter) {
    try (Connection connection = DriverManager.getConnection(database.url(), "sa", "");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, parameter);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
