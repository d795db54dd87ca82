package io.github.softdelete.mybatis.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quotes, read once for every layer: configuration lists, purge names, the engine's placeholders. */
class SqlTextTest {
  @Test
  void shouldSplitOnlyAtSeparatorsOutsideQuotes() {
    assertThat(SqlText.splitOutsideQuotes("a.\"b.c\".`d:e`:'f,g'", ".:,"))
        .containsExactly("a", "\"b.c\"", "`d:e`", "'f,g'");
    assertThat(SqlText.splitOutsideQuotes("", ",")).containsExactly("");
    assertThat(SqlText.splitOutsideQuotes("a,,b,", ",")).containsExactly("a", "", "b", "");
    // a quote that never closes takes the rest of the text
    assertThat(SqlText.splitOutsideQuotes("a,'b,c", ",")).containsExactly("a", "'b,c");
  }

  @Test
  void shouldFindTokensOutsideQuotesOnly() {
    assertThat(SqlText.containsOutsideQuotes("'a;b' || \"c--d\"", ";", "--")).isFalse();
    assertThat(SqlText.containsOutsideQuotes("'it''s'; DROP", ";")).isTrue();
    assertThat(SqlText.containsOutsideQuotes("x /* y", "/*")).isTrue();
  }

  @Test
  void shouldUnquoteQuotedIdentifiersOnly() {
    assertThat(SqlText.unquoted(" \"Users\" ")).isEqualTo("Users");
    assertThat(SqlText.unquoted("`orders`")).isEqualTo("orders");
    assertThat(SqlText.unquoted("'users'")).isEqualTo("'users'");
    assertThat(SqlText.unquoted("\"users")).isEqualTo("\"users");
    assertThat(SqlText.isQuoted("\"\"")).isTrue();
    assertThat(SqlText.isQuoted("\"")).isFalse();
  }

  @Test
  void shouldEndAQuotedRunAfterItsClosingQuote() {
    assertThat(SqlText.endOfQuoted("x 'a' y", 2)).isEqualTo(5);
    assertThat(SqlText.endOfQuoted("x 'a' y", 0)).isZero();
    assertThat(SqlText.endOfQuoted("'open", 0)).isEqualTo(5);
  }
}
