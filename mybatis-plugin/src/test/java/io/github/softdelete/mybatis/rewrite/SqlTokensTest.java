package io.github.softdelete.mybatis.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser's own reading of a text: tokens, and the comments between them, at their places in the text. */
class SqlTokensTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "/*slave*/ SELECT id FROM users -- tail",
      "SELECT 'a -- b', \"x /* y */\", `z`, q'[it's]', $$ -- $$ FROM users /* c */ WHERE a <= ?",
      "SELECT id\r\nFROM users\t-- crlf\r\nWHERE name = 'é😀' // slashes\n AND x = X'FF' /* end */",
      "SELECT 1 FROM users; /* between */ SELECT 2 FROM orders",
      "SELECT --+ INDEX(u)\n id FROM users u /*+ a */ /*! b */"})
  void shouldFindEveryCommentAndTokenWhereTheTextHasThem(String sql) {
    // when
    SqlTokens lexed = new SqlTokens(sql);
    SqlTokens fromParse = new SqlTokens(sql);
    SqlParsing.parse(sql, Duration.ofSeconds(5), fromParse);

    // then: a token or comment is the text at its place, and whitespace is all that lies between them
    StringBuilder rebuilt = new StringBuilder();
    int at = 0;
    for (SqlTokens.Lexeme token : lexed.tokens()) {
      assertThat(sql.substring(token.start(), token.end())).isEqualTo(token.image());
      rebuilt.append(sql, at, token.start()).append(token.image());
      at = token.end();
    }
    rebuilt.append(sql, at, sql.length());
    assertThat(rebuilt.toString()).isEqualTo(sql);
    for (SqlTokens.Commented comment : lexed.comments()) {
      assertThat(sql.substring(comment.start(), comment.end())).isEqualTo(comment.text());
    }
    // and the tokens the parse read are the same
    assertThat(fromParse.tokens()).isEqualTo(lexed.tokens());
    assertThat(fromParse.comments()).isEqualTo(lexed.comments());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 'a -- b' FROM users", "SELECT \"/* x */\" FROM users", "SELECT $$ -- $$"})
  void shouldFindNoCommentInsideQuotes(String sql) {
    assertThat(new SqlTokens(sql).comments()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void shouldTellWhichTokenFollowsEachComment() {
    List<SqlTokens.Commented> comments =
        new SqlTokens("/* a */ SELECT /*+ b */ id FROM users -- c").comments();
    assertThat(comments).extracting(SqlTokens.Commented::text).containsExactly("/* a */", "/*+ b */", "-- c");
    assertThat(comments).extracting(SqlTokens.Commented::nextToken).containsExactly(0, 1, 4);
    assertThat(comments).extracting(SqlTokens.Commented::hint).containsExactly(false, true, false);
    assertThat(comments).extracting(SqlTokens.Commented::toEndOfLine).containsExactly(false, false, true);
  }
}
