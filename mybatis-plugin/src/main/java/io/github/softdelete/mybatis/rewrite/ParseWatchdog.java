package io.github.softdelete.mybatis.rewrite;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Stops parses that run past their deadline, by raising the parser's own {@code interrupted} flag.
 *
 * <p>One daemon thread for the whole JVM, started on first use. It sleeps until the earliest deadline of the
 * parses running, and a parse that starts wakes it only when its deadline comes before that. Scheduling an
 * alarm per parse instead woke a thread for every statement, which cost more than a third of a short parse.
 */
final class ParseWatchdog {
  private static final Set<Running> RUNNING = ConcurrentHashMap.newKeySet();
  // true while the watchdog waits for work; otherwise it wakes on its own at wakeAt (a System.nanoTime())
  private static volatile boolean idle = true;
  private static volatile long wakeAt;
  private static final Thread THREAD = start();

  private ParseWatchdog() {}

  /** Watches {@code parser} until {@link Running#close()}; interrupts it at {@code deadline} (nanoTime). */
  static Running watch(CCJSqlParser parser, long deadline) {
    Running running = new Running(parser, deadline);
    RUNNING.add(running);
    if (idle || deadline - wakeAt < 0) {
      LockSupport.unpark(THREAD);
    }
    return running;
  }

  /** Whether the watchdog is asleep until {@code deadline}, so that only a parse due earlier wakes it. */
  static boolean asleepUntil(long deadline) {
    return !idle && wakeAt == deadline && THREAD.getState() == Thread.State.TIMED_WAITING;
  }

  private static Thread start() {
    Thread thread = new Thread(ParseWatchdog::run, "softdelete-parse-watchdog");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void run() {
    while (true) {
      long now = System.nanoTime();
      for (Running running : RUNNING) {
        if (running.deadline - now <= 0) {
          running.interrupt();
          RUNNING.remove(running);
        }
      }
      Running next = earliest();
      if (next != null) {
        wakeAt = next.deadline;
      }
      idle = next == null;
      // a parse that started before idle and wakeAt were written did not wake us: look once more
      if (earliest() != next) {
        continue;
      }
      if (next == null) {
        LockSupport.park();
      } else {
        LockSupport.parkNanos(next.deadline - System.nanoTime());
      }
    }
  }

  private static Running earliest() {
    Running earliest = null;
    for (Running running : RUNNING) {
      if (earliest == null || running.deadline - earliest.deadline < 0) {
        earliest = running;
      }
    }
    return earliest;
  }

  /** One parse being watched. */
  static final class Running implements AutoCloseable {
    private final CCJSqlParser parser;
    private final long deadline;

    private Running(CCJSqlParser parser, long deadline) {
      this.parser = parser;
      this.deadline = deadline;
    }

    // the flag is a plain field, read by the parsing thread: lock on the parser so the write is seen
    private void interrupt() {
      synchronized (parser) {
        parser.interrupted = true;
      }
    }

    /** Whether the watchdog stopped the parse. */
    boolean interrupted() {
      synchronized (parser) {
        return parser.interrupted;
      }
    }

    @Override
    public void close() {
      RUNNING.remove(this);
    }
  }
}
