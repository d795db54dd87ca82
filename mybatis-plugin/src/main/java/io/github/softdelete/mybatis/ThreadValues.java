package io.github.softdelete.mybatis;

import java.util.function.Supplier;

/** The one way a scope sets a thread-local for a body and always puts back what the thread had. */
final class ThreadValues {
  private ThreadValues() {}

  /** Runs {@code body} with {@code local} set to {@code value} ({@code null}: unset), then restores it. */
  static <V, T> T with(ThreadLocal<V> local, V value, Supplier<T> body) {
    V previous = local.get();
    set(local, value);
    try {
      return body.get();
    } finally {
      set(local, previous);
    }
  }

  // an unset value is removed, so that a pooled thread outside every scope holds nothing
  private static <V> void set(ThreadLocal<V> local, V value) {
    if (value == null) {
      local.remove();
    } else {
      local.set(value);
    }
  }
}
