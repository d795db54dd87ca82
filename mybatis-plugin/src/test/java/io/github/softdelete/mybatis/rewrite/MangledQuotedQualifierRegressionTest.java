package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import org.junit.jupiter.api.Test;

/**
 * Regression, bug "mangled quoted qualifier": a soft table named with its schema and without an alias had its
 * predicate qualified by re-splitting the printed name at the dot, so {@code "public"."users"} became
 * {@code "public"".""users"} and {@code `db`.`users`} became {@code "db`"."`users"}: SQL the server rejects.
 * Compared as exact text: a parse-and-print round trip would keep the mangled name as one odd identifier.
 */
class MangledQuotedQualifierRegressionTest {

  private static String rewritten(String sql) {
    return ENGINE.rewrite(sql, SoftDeleteMode.DEFAULT).sql();
  }

  @Test
  void shouldQualifyWithTheDoubleQuotedSchemaAndNameAsWritten() {
    assertThat(rewritten("SELECT * FROM \"public\".\"users\""))
        .isEqualTo("SELECT * FROM \"public\".\"users\" WHERE \"public\".\"users\".deleted_at IS NULL");
  }

  @Test
  void shouldQualifyWithTheBacktickedDatabaseAndNameAsWritten() {
    assertThat(rewritten("SELECT * FROM `db`.`users`"))
        .isEqualTo("SELECT * FROM `db`.`users` WHERE `db`.`users`.deleted_at IS NULL");
  }

  @Test
  void shouldQualifyWithMixedQuotingAsWritten() {
    assertThat(rewritten("SELECT * FROM public.\"users\" JOIN \"public\".orders ON orders.user_id = users.id"))
        .isEqualTo("SELECT * FROM public.\"users\" JOIN \"public\".orders ON (orders.user_id = users.id)"
            + " AND \"public\".orders.deleted_at IS NULL WHERE public.\"users\".deleted_at IS NULL");
  }

  @Test
  void shouldQualifyTheOnPredicateOfAnOuterJoinedQuotedTableAsWritten() {
    assertThat(rewritten("SELECT * FROM orders o LEFT JOIN `db`.`users` ON `db`.`users`.id = o.user_id"))
        .isEqualTo("SELECT * FROM orders o LEFT JOIN `db`.`users` ON (`db`.`users`.id = o.user_id)"
            + " AND `db`.`users`.deleted_at IS NULL WHERE o.deleted_at IS NULL");
  }

  @Test
  void shouldQualifyTheMarkerOfAMultiTableDeleteTargetAsWritten() {
    assertThat(rewritten("DELETE `db`.`orders` FROM `db`.`orders` JOIN users u ON u.id = `db`.`orders`.user_id"))
        .isEqualTo("UPDATE `db`.`orders` JOIN users u ON (u.id = `db`.`orders`.user_id) AND u.deleted_at IS NULL"
            + " SET `db`.`orders`.deleted_at = CURRENT_TIMESTAMP WHERE `db`.`orders`.deleted_at IS NULL");
  }

  @Test
  void shouldQualifyTheUsingTableOfADeleteAsWritten() {
    assertThat(rewritten("DELETE FROM orders o USING \"s\".\"users\" WHERE o.user_id = \"s\".\"users\".id"))
        .isEqualTo("UPDATE orders o SET deleted_at = CURRENT_TIMESTAMP FROM \"s\".\"users\""
            + " WHERE (o.user_id = \"s\".\"users\".id) AND \"s\".\"users\".deleted_at IS NULL"
            + " AND o.deleted_at IS NULL");
  }
}
