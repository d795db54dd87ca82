package io.github.softdelete.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.demo.app.AppDatabase;
import io.github.softdelete.demo.app.AttachmentRow;
import io.github.softdelete.demo.app.OwnerCount;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Story 1: the application as it ships erases for good. Checked by plain JDBC, behind MyBatis's back. */
class PlainStoryTest {
  private final Printer quiet = new Printer(new PrintStream(OutputStream.nullOutputStream()));

  @Test
  void shouldEraseTheDocumentAndItsAttachmentsForGood() {
    // given
    AppDatabase database = Demo.open(Demo.PLAIN_CONFIG, quiet);
    Tables tables = new Tables(database);

    // when
    Outcome story = new PlainStory(database, quiet).run();

    // then
    long id = story.deleted().id();
    assertThat(story.deleteCount()).isEqualTo(1);
    assertThat(story.before()).contains(story.deleted());
    assertThat(story.after()).doesNotContain(story.deleted()).hasSize(story.before().size() - 1);
    assertThat(story.countsPerUser()).contains(new OwnerCount(AppSteps.OWNER, 1));
    assertThat(story.ownerAttachments()).extracting(AttachmentRow::documentId).doesNotContain(id);
    assertThat(tables.ids("SELECT id FROM documents WHERE id = ?", id)).as("the document row").isEmpty();
    assertThat(tables.ids("SELECT id FROM attachments WHERE document_id = ?", id)).as("its attachments").isEmpty();
  }
}
