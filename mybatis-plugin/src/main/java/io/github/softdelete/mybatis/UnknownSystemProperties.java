package io.github.softdelete.mybatis;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.logging.LogFactory;

/** Warns once per JVM about each {@code softdelete.*} system property that is not a key. */
final class UnknownSystemProperties {
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private UnknownSystemProperties() {}

  static void warnOnce(String name, String message) {
    if (WARNED.add(name)) {
      LogFactory.getLog(SoftDeleteConfig.class).warn(message);
    }
  }
}
