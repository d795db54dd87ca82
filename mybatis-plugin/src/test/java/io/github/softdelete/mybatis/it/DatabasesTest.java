package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The skip rule itself: skip outside CI, fail on CI, and always name the URL that could not be reached. */
class DatabasesTest {
  // port 1 is reserved (tcpmux) and closed on any sane machine, so the connection is refused at once
  private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2";

  @Test
  void shouldSkipNamingTheUrlWhenServerIsUnreachableOutsideCi() {
    assertThatThrownBy(() -> Databases.connect(NOWHERE, "postgres", "", false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageStartingWith("database server not reachable at " + NOWHERE + " (")
        .hasMessageEndingWith("; skipping (with CI=true this fails)");
  }

  @Test
  void shouldFailNamingTheUrlWhenServerIsUnreachableOnCi() {
    assertThatThrownBy(() -> Databases.connect(NOWHERE, "postgres", "", true))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("database server not reachable at " + NOWHERE + " (")
        .hasMessageEndingWith("; CI=true, so this fails instead of skipping");
  }
}
