package io.github.softdelete.demo;

import io.github.softdelete.demo.app.AppDatabase;
import io.github.softdelete.demo.app.DocumentMapper;
import io.github.softdelete.demo.app.DocumentRow;
import io.github.softdelete.mybatis.IncludeDeleted;
import java.util.List;
import org.apache.ibatis.session.SqlSession;

/**
 * The same application with {@code SoftDeleteInterceptor} in {@code mybatis-config-softdelete.xml}:
 * DELETE marks the row, every listing hides it; then the demo looks past the filter and undoes the delete.
 */
final class SoftDeleteStory {
  static final String CONFIG = "mybatis-config-softdelete.xml";

  /** The shared story, what {@code IncludeDeleted} still saw, and the listing after the undo. */
  record Result(Outcome app, List<DocumentRow> includingDeleted, List<DocumentRow> afterRestore) {}

  private final AppDatabase database;
  private final Printer out;

  SoftDeleteStory(AppDatabase database, Printer out) {
    this.database = database;
    this.out = out;
  }

  Result run() {
    out.title("interceptor: " + CONFIG + ", SoftDeleteInterceptor on users, documents, attachments");
    out.note("(mapper: the SQL the application sent; prepared: the SQL H2 received)");
    AppSteps app = new AppSteps(database, out);
    Outcome outcome = app.run();
    long id = outcome.deleted().id();

    out.step("Still in the table: the same listing inside IncludeDeleted.get(...)");
    List<DocumentRow> includingDeleted = IncludeDeleted.get(() -> app.withMapper(DocumentMapper::listDocuments));
    app.printDocuments(includingDeleted);
    out.note(includingDeleted.contains(outcome.deleted())
        ? "document " + id + " is still there: the DELETE only set its deleted_at"
        : "document " + id + " is gone: nothing was soft-deleted");

    out.step("Undo: UPDATE documents SET deleted_at = NULL inside IncludeDeleted.run(...)");
    IncludeDeleted.run(() -> restore(id));

    List<DocumentRow> afterRestore = app.listDocuments("All documents after the undo");
    out.conclusion("DELETE only marked the row; same application code and SQL, only the MyBatis config changed.");
    return new Result(outcome, includingDeleted, afterRestore);
  }

  private void restore(long id) {
    try (SqlSession session = database.sessions().openSession(true)) {
      out.note(session.getMapper(RestoreMapper.class).restoreDocument(id) + " row(s) restored");
    }
  }
}
