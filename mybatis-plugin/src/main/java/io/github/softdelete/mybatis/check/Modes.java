package io.github.softdelete.mybatis.check;

import io.github.softdelete.mybatis.SoftDeleteMode;
import java.util.Locale;

/** A mode as the command line and the reports spell it: {@code only-deleted}, as {@code explain} prints it. */
final class Modes {
  private Modes() {}

  static String label(SoftDeleteMode mode) {
    return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
