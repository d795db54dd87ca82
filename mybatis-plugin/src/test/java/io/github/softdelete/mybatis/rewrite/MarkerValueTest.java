package io.github.softdelete.mybatis.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configured marker values are spliced into SQL as expressions: their operators must stay inside them. */
class MarkerValueTest {

  /** Regression: a liveValue with OR was printed bare and turned the live test into "or anything". */
  @Test
  void shouldKeepAnOrInTheLiveValueInsideTheMarkerComparison() {
    // given
    SqlRewriter engine = new SqlRewriter(SoftTables.of(List.of("users")),
        SoftDeleteMarker.of("removed", "0 OR 1 = 1", "1"));

    // when
    String select = engine.rewrite("SELECT id FROM users WHERE id = ?", SoftDeleteMode.DEFAULT).sql();
    String delete = engine.rewrite("DELETE FROM users WHERE id = ?", SoftDeleteMode.DEFAULT).sql();

    // then
    assertThat(select).isEqualTo("SELECT id FROM users WHERE (id = ?) AND users.removed = (0 OR 1 = 1)");
    assertThat(delete).isEqualTo("UPDATE users SET removed = 1 WHERE (id = ?) AND removed = (0 OR 1 = 1)");
  }

  @Test
  void shouldLeavePlainLiveValuesBare() {
    // given
    SqlRewriter engine = new SqlRewriter(SoftTables.of(List.of("users")),
        SoftDeleteMarker.of("removed", "0", "1"));

    // when
    String select = engine.rewrite("SELECT id FROM users", SoftDeleteMode.DEFAULT).sql();

    // then
    assertThat(select).isEqualTo("SELECT id FROM users WHERE users.removed = 0");
  }
}
