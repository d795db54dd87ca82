package io.github.softdelete.mybatis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import org.junit.jupiter.api.Test;

/**
 * Statements built with {@code ${}} are distinct strings without end: the rewrite cache must stay within its
 * bound however many it sees, so its memory is flat. Measured by the number of entries it keeps, which is
 * what bounds its retained heap (a statement and its rewrite per entry).
 */
class RewriteCacheBoundTest {
  private static final int BOUND = 1_000;
  private static final int STATEMENTS = 1_000_000;

  @Test
  void shouldKeepNoMoreThanItsBoundAfterAMillionDistinctStatements() {
    // given
    EngineFactory engines = EngineFactory.of("tables", "users", "cacheSize", String.valueOf(BOUND));
    RewriteCache cache = engines.cache(engines.rewriterWithoutDatabase(Dialect.UNKNOWN), RewriteCache.Notes.NONE);
    long maxSeen = 0;
    int wrong = 0;

    // when: every thousandth statement reads the soft table and is parsed and rewritten, the rest are not
    for (int i = 0; i < STATEMENTS; i++) {
      String sql = i % 1_000 == 0
          ? "SELECT name FROM users WHERE id = " + i
          : "SELECT name FROM plain WHERE id = " + i;
      RewriteResult result = cache.resultFor("statement", sql, SoftDeleteMode.DEFAULT);
      // rewritten exactly when the soft table is read
      wrong += (result == null) == (i % 1_000 != 0) ? 0 : 1;
      if (i % 100_000 == 0) {
        maxSeen = Math.max(maxSeen, cache.cachedStatements(SoftDeleteMode.DEFAULT));
      }
    }

    // then
    assertThat(wrong).isZero();
    assertThat(cache.cachedStatements(SoftDeleteMode.DEFAULT)).isLessThanOrEqualTo(BOUND);
    assertThat(maxSeen).isLessThanOrEqualTo(BOUND);
    assertThat(cache.cachedStatements(SoftDeleteMode.INCLUDE_DELETED)).isZero();
  }
}
