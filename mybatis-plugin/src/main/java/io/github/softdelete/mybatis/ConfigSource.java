package io.github.softdelete.mybatis;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each key's value comes from: the given properties, else the system property
 * {@code softdelete.<key>}. A blank value counts as unset.
 */
record ConfigSource(Properties given, boolean readSystemProperties) {
  static final String SYSTEM_PREFIX = "softdelete.";

  Optional<Setting> value(String key) {
    String value = given.getProperty(key);
    if (value != null && !value.isBlank()) {
      return Optional.of(new Setting("property '" + key + "'", value.strip()));
    }
    if (!readSystemProperties) {
      return Optional.empty();
    }
    String systemValue = System.getProperty(SYSTEM_PREFIX + key);
    if (systemValue != null && !systemValue.isBlank()) {
      return Optional.of(new Setting("system property '" + SYSTEM_PREFIX + key + "'", systemValue.strip()));
    }
    return Optional.empty();
  }

  /** Every key, from either source, that starts with {@code prefix}; sorted, so that errors are stable. */
  Set<String> keysStartingWith(String prefix) {
    Set<String> keys = new TreeSet<>();
    for (String key : given.stringPropertyNames()) {
      if (key.startsWith(prefix)) {
        keys.add(key);
      }
    }
    if (readSystemProperties) {
      for (String name : System.getProperties().stringPropertyNames()) {
        if (name.startsWith(SYSTEM_PREFIX + prefix)) {
          keys.add(name.substring(SYSTEM_PREFIX.length()));
        }
      }
    }
    return keys;
  }
}
