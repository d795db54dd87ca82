package io.github.softdelete.mybatis;

import java.util.function.Supplier;

/** The thread's current mode; scopes set it and always put back what was there before. */
final class ModeHolder {
  // null stands for DEFAULT so that a thread outside any scope holds no value at all
  private static final ThreadLocal<SoftDeleteMode> MODE = new ThreadLocal<>();

  private ModeHolder() {}

  static SoftDeleteMode current() {
    SoftDeleteMode mode = MODE.get();
    return mode == null ? SoftDeleteMode.DEFAULT : mode;
  }

  static <T> T within(SoftDeleteMode mode, Supplier<T> body) {
    if (body == null) {
      throw new IllegalArgumentException("softdelete: the body of a " + mode + " scope must not be null");
    }
    return ThreadValues.with(MODE, mode, body);
  }

  /** The thread's mode as set, {@code null} outside any scope (which {@link #current()} reads as DEFAULT). */
  static SoftDeleteMode captured() {
    return MODE.get();
  }

  /**
   * Runs {@code body} with the mode set to exactly {@code captured} ({@code null}: as outside any scope),
   * then puts back what the thread had.
   */
  static <T> T restoring(SoftDeleteMode captured, Supplier<T> body) {
    return ThreadValues.with(MODE, captured, body);
  }

  static void within(SoftDeleteMode mode, Runnable body) {
    if (body == null) {
      throw new IllegalArgumentException("softdelete: the body of a " + mode + " scope must not be null");
    }
    within(mode, () -> {
      body.run();
      return null;
    });
  }
}
