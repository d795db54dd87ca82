package io.github.softdelete.demo;

import io.github.softdelete.demo.app.AppDatabase;
import io.github.softdelete.demo.app.AttachmentRow;
import io.github.softdelete.demo.app.DocumentMapper;
import io.github.softdelete.demo.app.DocumentRow;
import io.github.softdelete.demo.app.OwnerCount;
import java.util.List;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;

/** The application's own story, identical in both runs: only the MyBatis configuration differs. */
final class AppSteps {
  static final String OWNER = "alice";
  static final String DELETED_TITLE = "Q3 budget";

  private final AppDatabase database;
  private final Printer out;

  AppSteps(AppDatabase database, Printer out) {
    this.database = database;
    this.out = out;
  }

  Outcome run() {
    List<DocumentRow> before = listDocuments("All documents");
    DocumentRow doomed = before.stream()
        .filter(document -> document.title().equals(DELETED_TITLE))
        .findFirst()
        .orElseThrow();

    out.step(OWNER + " deletes document " + doomed.id() + " '" + doomed.title() + "'");
    int deleteCount = withMapper(mapper -> mapper.deleteDocument(doomed.id()));
    out.note(deleteCount + " row(s) affected");

    List<DocumentRow> after = listDocuments("All documents again");

    out.step("Documents per user (LEFT JOIN ... GROUP BY)");
    List<OwnerCount> counts = withMapper(DocumentMapper::countDocumentsPerUser);
    out.table(counts, List.of("user", "documents"), c -> List.of(c.owner(), c.documents()));

    out.step("Attachments of " + OWNER + "'s documents (IN subquery)");
    List<AttachmentRow> attachments = withMapper(mapper -> mapper.attachmentsOfUser(OWNER));
    out.table(attachments, List.of("document", "file", "KB"),
        a -> List.of(a.documentId(), a.fileName(), a.sizeKb()));

    return new Outcome(before, doomed, deleteCount, after, counts, attachments);
  }

  List<DocumentRow> listDocuments(String heading) {
    out.step(heading);
    List<DocumentRow> documents = withMapper(DocumentMapper::listDocuments);
    printDocuments(documents);
    return documents;
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
