package io.github.softdelete.mybatis.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Which written tokens are which printed ones: the longest common subsequence. */
class TokenAlignmentTest {

  private static int[] aligned(String written, String printed) {
    return TokenAlignment.of(new SqlTokens(written).tokens(), new SqlTokens(printed).tokens());
  }

  @Test
  void shouldMatchWrittenTokensAroundTheOnesTheRewriteAdded() {
    // written: SELECT id FROM users WHERE id = ?   printed: SELECT id FROM users WHERE ( id = ? ) AND ...
    assertThat(aligned("select id from users where id = ?",
        "SELECT id FROM users WHERE (id = ?) AND users.deleted_at IS NULL"))
        .containsExactly(0, 1, 2, 3, 4, 6, 7, 8);
  }

  @Test
  void shouldMatchTheDeleteKeywordWithTheUpdateItBecomesAndDropFrom() {
    // printed: UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE ( id = 1 ) AND deleted_at IS NULL
    assertThat(aligned("DELETE FROM users WHERE id = 1",
        "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = 1) AND deleted_at IS NULL"))
        .containsExactly(0, -1, 1, 6, 8, 9, 10);
  }

  @Test
  void shouldGiveUpWhenTheTwoDifferByMoreThanTheBound() {
    String written = "SELECT " + String.join(", ", Collections.nCopies(600, "a")) + " FROM users";
    String printed = "SELECT " + String.join(", ", Collections.nCopies(600, "b")) + " FROM users";
    assertThat(aligned(written, printed)).isNull();
  }
}
