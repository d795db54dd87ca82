package io.github.softdelete.agent.inner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code explain} names what it leaves as written because the statement constrains the marker itself. */
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
}
