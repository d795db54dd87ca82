package io.github.softdelete.mybatis.internal;

/**
 * The table one restore (an update in {@code Undelete}) restores, as its SQL source decides it while MyBatis
 * builds this call's SQL: dynamic SQL may name another table on each call. Confined to the call and its
 * thread, so that a refusal names this call's table and never another thread's. Opened around the call and
 * closed in {@code finally}; a restore run inside another one has its own.
 */
final class RestoreCall {
  private static final ThreadLocal<RestoreCall> CURRENT = new ThreadLocal<>();

  private final RestoreCall outer;
  private String table;

  private RestoreCall(RestoreCall outer) {
    this.outer = outer;
  }

  static RestoreCall open() {
    RestoreCall call = new RestoreCall(CURRENT.get());
    CURRENT.set(call);
    return call;
  }

  /** Records the table of the restore being built on this thread, if one is open. */
  static void record(String table) {
    RestoreCall call = CURRENT.get();
    if (call != null) {
      call.table = table;
    }
  }

  /** The table this call's SQL restores, or {@code null} when its SQL was not rewritten (or not yet built). */
  String table() {
    return table;
  }

  void close() {
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }
}
