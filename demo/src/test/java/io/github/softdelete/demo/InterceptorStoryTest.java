package io.github.softdelete.demo;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Story 3: the interceptor registered in mybatis-config-softdelete.xml, in this JVM. */
class InterceptorStoryTest {
  private final Printer quiet = new Printer(new PrintStream(OutputStream.nullOutputStream()));

  @Test
  void shouldKeepHideCascadeAndPurgeTheDeletedRows() {
    Facts facts = Demo.interceptor(quiet);

    SoftDeleteStoryChecks.assertRowsKeptHiddenCascadedAndPurged(facts);
  }

  @Test
  void shouldRecordWhoAndWhyShowTrashAndRestoreExactlyTheCascadedAttachments() {
    Facts facts = Demo.interceptor(quiet);

    SoftDeleteStoryChecks.assertWhoWhyViewsAndUndo(facts);
  }
}
