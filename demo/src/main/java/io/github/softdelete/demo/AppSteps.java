package io.github.softdelete.demo;

import io.github.softdelete.demo.app.AppDatabase;
import io.github.softdelete.demo.app.AttachmentRow;
import io.github.softdelete.demo.app.DocumentMapper;
import io.github.softdelete.demo.app.DocumentRow;
import io.github.softdelete.demo.app.OwnerCount;
import java.util.List;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;

/** The application's own story, identical in every run: only what surrounds MyBatis differs. */
final class AppSteps {
  static final String OWNER = "alice";
  static final String DELETED_TITLE = "Q3 budget";
  /** forecast.pdf, an attachment of the Q3 budget, removed on its own before the document goes. */
  static final long REMOVED_ATTACHMENT = 2;

  /** Runs one of the application's delete calls; {@code why} is what the user gave as the reason. */
  interface Deleting {
    void run(String why, Runnable call);
  }

  /** The application as it ships: the reason goes nowhere. */
  static final Deleting AS_IS = (why, call) -> call.run();

  static final String WHY_ATTACHMENT = "outdated forecast";
  static final String WHY_DOCUMENT = "replaced by Q3 budget v2";

  private final AppDatabase database;
  private final Printer out;

  AppSteps(AppDatabase database, Printer out) {
    this.database = database;
    this.out = out;
  }

  /**
   * Lists, removes an attachment, deletes a document, and looks again: listing, count per user (LEFT JOIN),
   * attachments of the owner's documents (IN subquery).
   *
   * @param deleting runs the application's delete calls; the soft-delete story records who and why there
   */
  Outcome run(Deleting deleting) {
    List<DocumentRow> before = listDocuments("All documents");
    DocumentRow doomed = before.stream()
        .filter(document -> document.title().equals(DELETED_TITLE))
        .findFirst()
        .orElseThrow();

    out.step(OWNER + " removes the attachment forecast.pdf from '" + doomed.title() + "'");
    int[] counts = new int[2];
    deleting.run(WHY_ATTACHMENT, () -> counts[0] = withMapper(mapper -> mapper.deleteAttachment(REMOVED_ATTACHMENT)));
    out.note(counts[0] + " row(s) affected");

    out.step(OWNER + " deletes document " + doomed.id() + " '" + doomed.title() + "'");
    deleting.run(WHY_DOCUMENT, () -> counts[1] = withMapper(mapper -> mapper.deleteDocument(doomed.id())));
    out.note(counts[1] + " row(s) affected");

    List<DocumentRow> after = listDocuments("All documents again");
    List<OwnerCount> perUser = countDocumentsPerUser("Documents per user (LEFT JOIN ... GROUP BY)");
    List<AttachmentRow> attachments = attachmentsOfOwner("Attachments of " + OWNER + "'s documents (IN subquery)");
    return new Outcome(before, doomed, counts[1], after, perUser, attachments);
  }

  List<DocumentRow> listDocuments(String heading) {
    out.step(heading);
    List<DocumentRow> documents = withMapper(DocumentMapper::listDocuments);
    printDocuments(documents);
    return documents;
  }

  List<OwnerCount> countDocumentsPerUser(String heading) {
    out.step(heading);
    List<OwnerCount> counts = withMapper(DocumentMapper::countDocumentsPerUser);
    out.table(counts, List.of("user", "documents"), c -> List.of(c.owner(), c.documents()));
    return counts;
  }

  List<AttachmentRow> attachmentsOfOwner(String heading) {
    out.step(heading);
    List<AttachmentRow> attachments = withMapper(mapper -> mapper.attachmentsOfUser(OWNER));
    out.table(attachments, List.of("document", "file", "KB"),
        a -> List.of(a.documentId(), a.fileName(), a.sizeKb()));
    return attachments;
  }

  void printDocuments(List<DocumentRow> documents) {
    out.table(documents, List.of("id", "title", "owner"), d -> List.of(d.id(), d.title(), d.owner()));
  }

  /** One short unit of work per step, as a web request would do; auto-commit. */
  <T> T withMapper(Function<DocumentMapper, T> work) {
    try (SqlSession session = database.sessions().openSession(true)) {
      return work.apply(session.getMapper(DocumentMapper.class));
    }
  }
}
