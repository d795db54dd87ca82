package io.github.softdelete.mybatis;

import java.util.concurrent.atomic.LongAdder;

/**
 * How often each scope has been entered in this class loader, for {@link SoftDeleteMetrics}: an audit can see who
 * looks past the filter ({@code IncludeDeleted}, {@code OnlyDeleted}) or erases ({@code HardDelete}). Counted
 * whether or not metrics are bound: one uncontended add per scope, beside the thread-local the scope sets.
 */
final class ScopeEntries {
  private static final LongAdder[] BY_MODE = new LongAdder[SoftDeleteMode.values().length];

  static {
    for (int i = 0; i < BY_MODE.length; i++) {
      BY_MODE[i] = new LongAdder();
    }
  }

  private ScopeEntries() {}

  static void entered(SoftDeleteMode mode) {
    BY_MODE[mode.ordinal()].increment();
  }

  static long count(SoftDeleteMode mode) {
    return BY_MODE[mode.ordinal()].sum();
  }
}
