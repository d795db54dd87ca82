package io.github.softdelete.mybatis.internal.purge;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import java.util.List;
import java.util.Properties;

/**
 * {@code --cascade}, read exactly as the interceptor's {@code cascade} key (same syntax, same checks). A class
 * of its own so that the command links {@code SoftDeleteConfig}, whose errors are MyBatis exceptions, only
 * when the option is given.
 */
final class CascadeOption {
  private CascadeOption() {}

  /** @throws IllegalArgumentException with the reason, for a malformed declaration or a cycle */
  static List<Cascade> parse(String value) {
    Properties keys = new Properties();
    keys.setProperty("cascade", value);
    try {
      return SoftDeleteConfig.fromPropertiesOnly(keys).cascades();
    } catch (RuntimeException e) {
      String message = e.getMessage();
      String prefix = "softdelete: property 'cascade' has value '" + value + "': ";
      throw new IllegalArgumentException(message != null && message.startsWith(prefix)
          ? message.substring(prefix.length()) : message, e);
    }
  }
}
