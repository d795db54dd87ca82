package io.github.softdelete.mybatis.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing is bounded: a statement that sends the parser into minutes of backtracking is refused instead. */
class ParseTimeoutTest {
  private static final SqlRewriter ENGINE = new SqlRewriter(SoftTables.of(List.of("users", "orders")),
      SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP"), Duration.ofMillis(200));

  /**
   * Regression, found by the fuzz tests (seed 1000009 with its parameters left as {@code {p0}}): 844 characters
   * with one malformed token kept the parser busy for minutes; more than 20 seconds when measured.
   */
  private static final String BUSY_FOR_MINUTES = "SELECT t2.id AS c0 FROM users t1 RIGHT OUTER JOIN"
      + " (SELECT DISTINCT t3.k AS id, COALESCE(t3.v, 0) AS k, CASE WHEN t3.id IN (SELECT 1 AS x FROM tags t4 LEFT JOIN orders ON"
      + " orders.v = t4.v JOIN users_archive t6 ON t6.v = t4.k WHERE t4.k < 5 UNION SELECT DISTINCT 6 AS x"
      + " FROM users_archive AS t7 LEFT JOIN users t8 ON t8.v = t7.id WHERE ((t7.v < {p0} AND t8.v = 4) AND"
      + " t8.id IN (2, 2, 0))) THEN 1 ELSE 0 END AS v FROM users t3) t2 ON t2.k = t1.k LEFT OUTER JOIN"
      + " (SELECT COALESCE(t10.v, 3) AS id, CASE WHEN t12.k <> {p1} THEN 1 ELSE 0 END AS k, t12.id AS v FROM"
      + " ORDERS t10 CROSS JOIN users t11 RIGHT OUTER JOIN ORDERS t12 ON t12.v = t10.v WHERE t10.id IN"
      + " (SELECT COALESCE(t14.k, 0) AS x FROM users RIGHT JOIN PUBLIC.tags t14 ON t14.id = users.v WHERE"
      + " t11.v IS NULL)) t9 ON t9.id = t2.v WHERE t2.v > 6 UNION SELECT t15.v + 2 AS c0 FROM users AS t15";

  @Test
  void shouldRefuseTheFuzzFoundSelectWhoseMalformedTokenKeptTheParserBusyForMinutes() {
    // when
    RewriteRefusedException refusal = catchThrowableOfType(RewriteRefusedException.class,
        () -> ENGINE.rewrite(BUSY_FOR_MINUTES, SoftDeleteMode.DEFAULT));

    // then
    assertThat(refusal.unreadable()).isTrue();
    assertThat(refusal.reason()).isEqualTo("the SQL parser cannot read the statement (parsing took longer than"
        + " parseTimeoutMillis=200), so softdelete cannot tell whether it leaks or erases deleted rows");
  }
}
