package io.github.softdelete.mybatis.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The database product names the JDBC drivers report, as the engine's dialects. */
class DialectTest {
  @Test
  void shouldKnowTheProductsWhoseUpsertsOrMergeItConvertsAndNoOthers() {
    assertThat(Dialect.ofProductName("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
    assertThat(Dialect.ofProductName("MariaDB")).isEqualTo(Dialect.MYSQL);
    assertThat(Dialect.ofProductName("MySQL")).isEqualTo(Dialect.MYSQL);
    assertThat(Dialect.ofProductName("H2")).isEqualTo(Dialect.H2);
    assertThat(Dialect.ofProductName("Oracle")).isEqualTo(Dialect.UNKNOWN);
    assertThat(Dialect.ofProductName(null)).isEqualTo(Dialect.UNKNOWN);
  }

  @Test
  void shouldReadTheTablesColumnsWhereSomeWriteThatMeetsADeletedRowIsConverted() {
    // ON CONFLICT and MERGE, ON DUPLICATE KEY UPDATE, MERGE
    assertThat(Dialect.POSTGRESQL.revivesDeletedRows()).isTrue();
    assertThat(Dialect.MYSQL.revivesDeletedRows()).isTrue();
    assertThat(Dialect.H2.revivesDeletedRows()).isTrue();
    assertThat(Dialect.UNKNOWN.revivesDeletedRows()).isFalse();
  }
}
