package io.github.softdelete.demo;

import io.github.softdelete.demo.app.AppDatabase;
import io.github.softdelete.demo.app.AttachmentRow;
import io.github.softdelete.demo.app.DocumentMapper;
import io.github.softdelete.demo.app.DocumentRow;
import io.github.softdelete.demo.app.OwnerCount;
import io.github.softdelete.mybatis.DeletedBy;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.Purge;
import io.github.softdelete.mybatis.PurgeReport;
import io.github.softdelete.mybatis.Undelete;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;

/**
 * The application with soft deletes, whichever way they came in (the agent, or the interceptor in
 * {@code mybatis-config-softdelete.xml}): the same calls as the plain run, then what soft deletes add:
 * the rows are still there, who and why, the include-deleted report, the trash, undo, the cascade, and a
 * purge with archive. The only code here that uses the soft-delete API; the application never does.
 */
final class SoftDeleteStory {
  /** The options of both ways in; the plugin properties in mybatis-config-softdelete.xml are the same. */
  static final String OPTIONS = "tables=users:documents:attachments,deletedByColumn=deleted_by,"
      + "deleteReasonColumn=delete_reason,cascade=attachments.document_id->documents.id";

  static final long OLD_DOCUMENT = 4;
  static final long RECENT_DOCUMENT = 5;
  static final int BACKDATED_DAYS = 40;
  static final Duration RETENTION = Duration.ofDays(30);
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private final AppDatabase database;
  private final Printer out;
  private final Tables tables;
  private final AppSteps app;
  private final Facts facts = new Facts();

  SoftDeleteStory(AppDatabase database, Printer out) {
    this.database = database;
    this.out = out;
    this.tables = new Tables(database);
    this.app = new AppSteps(database, out);
    // the support desk's own statement, beside the application's; not part of the application
    database.sessions().getConfiguration().addMapper(SupportMapper.class);
  }

  Facts run() {
    out.note("(app sent: the SQL the application's mapper sent; H2 got: the SQL the database received)");
    Outcome outcome = app.run(this::deleteAs);
    long id = outcome.deleted().id();
    facts.put("deleted.id", id);
    facts.put("delete.count", outcome.deleteCount());
    facts.put("listing.before", ids(outcome.before()));
    facts.put("listing.after", ids(outcome.after()));
    facts.put("counts.after", counts(outcome.countsPerUser()));
    facts.put("attachments.after", files(outcome.ownerAttachments()));

    stillInTheTables(id);
    includeDeletedReport();
    detective(id);
    trash();
    undo(id);
    purge();
    out.conclusion("The same application code and SQL: DELETE only marked rows, every query hid them, and they"
        + " stayed there to explain, restore or archive.");
    return facts;
  }

  /** The application's delete call, made on behalf of a named user who gave a reason. */
  private void deleteAs(String why, Runnable call) {
    deleteAs(AppSteps.OWNER, why, call);
  }

  private void deleteAs(String user, String why, Runnable call) {
    out.code("DeletedBy.as(\"" + user + "\").because(\"" + why + "\").run(() -> <the application's delete>)");
    DeletedBy.as(user).because(why).run(call);
  }

  private void stillInTheTables(long id) {
    out.step("Behind MyBatis's back (plain JDBC): the rows are still in the tables");
    out.note("documents:");
    List<List<Object>> document = tables.rows(
        "SELECT id, title, deleted_at, deleted_by, delete_reason FROM documents WHERE id = ?", id);
    out.table(document, List.of("id", "title", "deleted_at", "deleted_by", "delete_reason"), Printer::cells);
    out.note("attachments:");
    List<List<Object>> attachments = tables.rows(
        "SELECT id, document_id, file_name, deleted_at, deleted_by, delete_reason FROM attachments"
            + " WHERE document_id = ? ORDER BY id", id);
    out.table(attachments, List.of("id", "document", "file", "deleted_at", "deleted_by", "delete_reason"),
        Printer::cells);
    out.note("forecast.pdf was removed on its own; the cascade marked budget.xlsx with the document's timestamp");
    facts.put("table.document.present", document.size() == 1);
    Object deletedAt = document.isEmpty() ? null : document.get(0).get(2);
    facts.put("table.document.deleted", deletedAt != null);
    facts.put("table.document.deletedBy", document.isEmpty() ? null : document.get(0).get(3));
    facts.put("table.document.reason", document.isEmpty() ? null : document.get(0).get(4));
    facts.put("table.attachments.present", column(attachments, 0));
    facts.put("table.attachments.deleted", markedIds(attachments, 3));
    facts.put("table.attachments.withDocumentMarker",
        attachments.stream().filter(row -> deletedAt != null && deletedAt.equals(row.get(3)))
            .map(row -> row.get(0)).toList());
  }

  private void includeDeletedReport() {
    out.step("Include-deleted report: the application's own listing inside IncludeDeleted");
    out.code("IncludeDeleted.get(() -> mapper.listDocuments())");
    List<DocumentRow> all = IncludeDeleted.get(() -> app.withMapper(DocumentMapper::listDocuments));
    app.printDocuments(all);
    facts.put("includeDeleted.listing", ids(all));
  }

  private void detective(long id) {
    out.step("Detective: when, by whom and why did document " + id + " disappear?");
    out.code("IncludeDeleted.get(() -> support.whenWhoWhy(" + id + "))");
    Map<String, Object> answer = IncludeDeleted.get(() -> withSupport(support -> support.whenWhoWhy(id)));
    out.table(answer == null ? List.<Map<String, Object>>of() : List.of(answer),
        List.of("id", "title", "deleted at", "by", "why"),
        row -> Printer.cells(List.of(row.get("ID"), row.get("TITLE"), row.get("DELETED_AT"), row.get("DELETED_BY"),
            row.get("DELETE_REASON"))));
    facts.put("detective.deleted", answer != null && answer.get("DELETED_AT") != null);
    facts.put("detective.by", answer == null ? null : answer.get("DELETED_BY"));
    facts.put("detective.why", answer == null ? null : answer.get("DELETE_REASON"));
  }

  private void trash() {
    out.step("Trash: the same listing inside OnlyDeleted (users stay filtered as usual)");
    out.code("OnlyDeleted.get(() -> mapper.listDocuments())");
    List<DocumentRow> trash = OnlyDeleted.get(() -> app.withMapper(DocumentMapper::listDocuments));
    app.printDocuments(trash);
    facts.put("trash.listing", ids(trash));
  }

  private void undo(long id) {
    out.step("Undo: the application's own delete call inside Undelete restores what it deleted");
    out.code("Undelete.get(() -> mapper.deleteDocument(" + id + "))");
    int restored = Undelete.get(() -> app.withMapper(mapper -> mapper.deleteDocument(id)));
    out.note(restored + " row(s) restored");
    facts.put("undo.count", restored);
    facts.put("undo.listing", ids(app.listDocuments("All documents after the undo")));
    facts.put("undo.attachments",
        files(app.attachmentsOfOwner("Attachments of " + AppSteps.OWNER + "'s documents after the undo")));
    List<List<Object>> attachments = tables.rows(
        "SELECT id, file_name, deleted_at FROM attachments WHERE document_id = ? ORDER BY id", id);
    out.note("plain JDBC: " + attachments.stream()
        .map(row -> row.get(1) + (row.get(2) == null ? " live" : " still deleted")).toList()
        + " (the cascade restored only what it had marked)");
    facts.put("undo.table.attachments.deleted", markedIds(attachments, 2));
  }

  private void purge() {
    out.step("Before the purge: bob and carol delete a document each (the cascade marks their attachments)");
    deleteAs("bob", "review closed",
        () -> app.withMapper(mapper -> mapper.deleteDocument(OLD_DOCUMENT)));
    deleteAs("carol", "offsite cancelled",
        () -> app.withMapper(mapper -> mapper.deleteDocument(RECENT_DOCUMENT)));

    out.step("Time passes: the demo backdates bob's deletion by " + BACKDATED_DAYS + " days (plain JDBC)");
    for (String sql : List.of(
        "UPDATE attachments SET deleted_at = DATEADD(DAY, -" + BACKDATED_DAYS + ", deleted_at)"
            + " WHERE document_id = " + OLD_DOCUMENT,
        "UPDATE documents SET deleted_at = DATEADD(DAY, -" + BACKDATED_DAYS + ", deleted_at) WHERE id = "
            + OLD_DOCUMENT)) {
      out.sql("JDBC", sql);
      tables.execute(sql);
    }

    out.step("Archive tables, created once by the operator (plain JDBC)");
    for (String table : List.of("attachments", "documents")) {
      for (String sql : List.of(
          "CREATE TABLE " + table + "_archive AS SELECT * FROM " + table + " WHERE 1 = 0",
          "ALTER TABLE " + table + "_archive ADD archived_at TIMESTAMP")) {
        out.sql("JDBC", sql);
        tables.execute(sql);
      }
    }

    out.step("Purge the rows deleted more than " + RETENTION.toDays() + " days ago, archiving them");
    out.code("Purge.builder().tables(\"attachments\", \"documents\").olderThan(Duration.ofDays("
        + RETENTION.toDays() + ")).archiveSuffix(\"_archive\").build().run(dataSource)");
    PurgeReport report = Purge.builder()
        .tables("attachments", "documents")
        .olderThan(RETENTION)
        .archiveSuffix("_archive")
        .build()
        .run(dataSource());
    out.table(report.tables(), List.of("table", "rows purged", "archived in"),
        t -> List.of(t.table(), t.rows(), Objects.toString(t.archiveTable())));
    for (PurgeReport.Table table : report.tables()) {
      facts.put("purge." + table.table(), table.rows());
    }

    List<List<Object>> archived = tables.rows(
        "SELECT id, title, deleted_at, deleted_by, archived_at FROM documents_archive ORDER BY id");
    out.note("documents_archive:");
    out.table(archived, List.of("id", "title", "deleted_at", "deleted_by", "archived_at"), Printer::cells);
    List<Long> kept = tables.ids("SELECT id FROM documents WHERE deleted_at IS NOT NULL ORDER BY id");
    out.note("still soft-deleted in documents (inside the retention): " + kept);
    facts.put("purge.archive.documents", column(archived, 0));
    facts.put("purge.archive.attachments",
        tables.ids("SELECT id FROM attachments_archive ORDER BY id"));
    facts.put("purge.table.documents", tables.ids("SELECT id FROM documents ORDER BY id"));
    facts.put("purge.table.attachments", tables.ids("SELECT id FROM attachments ORDER BY id"));
    facts.put("purge.table.documents.deleted", kept);
  }

  private DataSource dataSource() {
    return database.sessions().getConfiguration().getEnvironment().getDataSource();
  }

  private <T> T withSupport(java.util.function.Function<SupportMapper, T> work) {
    try (SqlSession session = database.sessions().openSession(true)) {
      return work.apply(session.getMapper(SupportMapper.class));
    }
  }

  private static List<Long> ids(List<DocumentRow> documents) {
    return documents.stream().map(DocumentRow::id).toList();
  }

  private static List<String> counts(List<OwnerCount> counts) {
    return counts.stream().map(c -> c.owner() + "=" + c.documents()).toList();
  }

  private static List<String> files(List<AttachmentRow> attachments) {
    return attachments.stream().map(AttachmentRow::fileName).toList();
  }

  private static List<Object> column(List<List<Object>> rows, int index) {
    List<Object> values = new ArrayList<>();
    rows.forEach(row -> values.add(row.get(index)));
    return values;
  }

  private static List<Object> markedIds(List<List<Object>> rows, int markerIndex) {
    return rows.stream().filter(row -> row.get(markerIndex) != null).map(row -> row.get(0)).toList();
  }

  /** To the millisecond: enough to tell a cascade's shared timestamp from a deletion a moment earlier. */
  static String timestamp(Object value) {
    return value instanceof Timestamp t ? MILLIS.format(t.toLocalDateTime()) : String.valueOf(value);
  }
}
