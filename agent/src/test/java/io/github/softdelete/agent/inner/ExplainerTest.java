package io.github.softdelete.agent.inner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code explain} shows what the interceptor runs (its cascade's statements and audit values too) and names
 * what it leaves as written because the statement constrains the marker itself.
 */
class ExplainerTest {
  private static String explain(String sql, String... keysAndValues) {
    Properties options = new Properties();
    options.setProperty("tables", "users:orders");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new Explainer().apply(options, sql);
  }

  @Test
  void shouldSayAStatementFilteringTheMarkerItselfIsLeftAsWritten() {
    String sql = "SELECT * FROM users WHERE deleted_at IS NOT NULL";

    assertThat(explain(sql).lines()).first().isEqualTo("default:         " + sql
        + "   (left as written: the statement filters deleted_at itself)");
  }

  @Test
  void shouldNameTheReferenceLeftAsWrittenInAPartialRewrite() {
    String sql = "SELECT u.name FROM users u JOIN orders o ON o.user_id = u.id WHERE o.deleted_at IS NOT NULL";

    assertThat(explain(sql).lines()).first().isEqualTo("default:         SELECT u.name FROM users u JOIN orders o"
        + " ON o.user_id = u.id WHERE (o.deleted_at IS NOT NULL) AND u.deleted_at IS NULL"
        + "   (orders: left as written: the statement filters deleted_at itself)");
  }

  @Test
  void shouldFilterAsBeforeWithExplicitMarkerFilter() {
    assertThat(explain("SELECT * FROM users WHERE deleted_at IS NOT NULL", "explicitMarker", "filter").lines())
        .first().isEqualTo("default:         SELECT * FROM users WHERE (deleted_at IS NOT NULL)"
            + " AND users.deleted_at IS NULL");
  }

  @Test
  void shouldShowTheCascadeAndTheAuditColumnsTheInterceptorRuns() {
    Properties options = new Properties();
    options.setProperty("tables", "documents:attachments");
    options.setProperty("deletedByColumn", "deleted_by");
    options.setProperty("cascade", "attachments.document_id->documents.id");

    String explained = new Explainer().apply(options, "DELETE FROM documents WHERE id = ?");

    // the deletion time is bound once, as ?, so that the children and their parent carry the same one
    assertThat(explained.lines().limit(2)).containsExactly(
        "default:         UPDATE attachments SET deleted_at = ?, deleted_by = ? WHERE attachments.document_id IN"
            + " (SELECT documents.id FROM documents WHERE (id = ?) AND deleted_at IS NULL)"
            + " AND attachments.deleted_at IS NULL",
        "                 then UPDATE documents SET deleted_at = ?, deleted_by = ? WHERE (id = ?)"
            + " AND deleted_at IS NULL");
    assertThat(explained.lines()).contains("hard-delete:     DELETE FROM documents WHERE id = ?   (unchanged)");
  }

  @Test
  void shouldSayWhatObserveModeRunsAndWhatItWouldRun() {
    assertThat(explain("SELECT * FROM users", "mode", "observe").lines()).first().isEqualTo("default:         "
        + "SELECT * FROM users   (mode=observe: runs as written; would run as: SELECT * FROM users"
        + " WHERE users.deleted_at IS NULL)");
  }
}
