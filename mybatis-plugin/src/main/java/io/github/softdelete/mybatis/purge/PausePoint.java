package io.github.softdelete.mybatis.purge;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Fault injection for the crash tests: with {@code -Dio.github.softdelete.purge.pause=beforeCommit:3} (or
 * {@code afterCommit:3}) the purge prints one line and waits for ever at that point of batch 3 (numbered
 * across tables from 1), so that a test can kill the JVM there. Unset, it costs one comparison per batch.
 */
final class PausePoint {
  static final String PROPERTY = "io.github.softdelete.purge.pause";

  enum Stage { BEFORE_COMMIT, AFTER_COMMIT }

  private final Stage stage;
  private final long batch;
  private final PrintStream out;

  private PausePoint(Stage stage, long batch, PrintStream out) {
    this.stage = stage;
    this.batch = batch;
    this.out = out;
  }

  static PausePoint fromSystemProperty(PrintStream out) {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      return new PausePoint(null, -1, out);
    }
    String[] parts = value.strip().split(":");
    Stage stage = switch (parts[0]) {
      case "beforeCommit" -> Stage.BEFORE_COMMIT;
      case "afterCommit" -> Stage.AFTER_COMMIT;
      default -> throw new IllegalArgumentException(PROPERTY + ": expected beforeCommit:N or afterCommit:N, got " + value);
    };
    return new PausePoint(stage, Long.parseLong(parts[1]), out);
  }

  void reached(Stage where, long batchNumber) {
    if (where != stage || batchNumber != batch) {
      return;
    }
    out.println("softdelete purge: paused " + value(where) + " of batch " + batchNumber);
    out.flush();
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while paused", e);
    }
  }

  private static String value(Stage where) {
    return where == Stage.BEFORE_COMMIT ? "before the commit" : "after the commit";
  }
}
