package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.PurgeListener;
import java.io.PrintStream;

/**
 * Shows a purge's progress: on a terminal, one bar per table redrawn in place; otherwise (a log, a pipe) one
 * plain line per committed batch, which a script can read.
 */
final class ProgressDisplay implements PurgeListener {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;

  ProgressDisplay(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void tableStarted(String table, long rows) {
    out.println(table + ": " + rows + " rows deleted before the cut-off");
    if (terminal && rows > 0) {
      draw(table, 0, rows);
    }
    out.flush();
  }

  @Override
  public void batchCommitted(String table, long done, long total) {
    if (terminal) {
      draw(table, done, total);
    } else {
      out.println(table + ": " + done + "/" + total + " rows purged");
    }
    out.flush();
  }

  @Override
  public void tableFinished(String table, long rows) {
    if (terminal && rows > 0) {
      out.println();
    }
    out.flush();
  }

  private void draw(String table, long done, long total) {
    int filled = (int) (WIDTH * done / total);
    out.print("\r" + table + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
        + String.format("%3d%% %d/%d", 100 * done / total, done, total));
  }
}
