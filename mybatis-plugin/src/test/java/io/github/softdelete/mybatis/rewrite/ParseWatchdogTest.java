package io.github.softdelete.mybatis.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

/** The watchdog stops each parse at its own deadline, whatever other parses it watches. */
class ParseWatchdogTest {

  @Test
  void shouldStopAParseAtItsDeadlineWhileItSleepsUntilTheLaterDeadlineOfAnother() {
    // given: the watchdog asleep until a deadline a minute away
    long aMinuteFromNow = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    try (ParseWatchdog.Running later = ParseWatchdog.watch(parser(), aMinuteFromNow)) {
      while (!ParseWatchdog.asleepUntil(aMinuteFromNow)) {
        Thread.onSpinWait();
      }

      // when: a parse due in 100 ms starts
      try (ParseWatchdog.Running sooner = ParseWatchdog.watch(parser(), System.nanoTime() + 100_000_000L)) {

        // then: it is stopped long before the minute is up, and the other one is not
        assertThat(stoppedWithin(sooner, Duration.ofSeconds(20))).isTrue();
        assertThat(later.interrupted()).isFalse();
      }
    }
  }

  @Test
  void shouldLeaveAParseThatFinishesInTimeAlone() throws InterruptedException {
    ParseWatchdog.Running finished;
    try (ParseWatchdog.Running running = ParseWatchdog.watch(parser(), System.nanoTime() + 50_000_000L)) {
      finished = running;
    }

    Thread.sleep(200);

    assertThat(finished.interrupted()).isFalse();
  }

  private static boolean stoppedWithin(ParseWatchdog.Running running, Duration limit) {
    long end = System.nanoTime() + limit.toNanos();
    while (!running.interrupted()) {
      if (System.nanoTime() - end > 0) {
        return false;
      }
      Thread.onSpinWait();
    }
    return true;
  }

  private static CCJSqlParser parser() {
    return CCJSqlParserUtil.newParser("SELECT 1");
  }
}
