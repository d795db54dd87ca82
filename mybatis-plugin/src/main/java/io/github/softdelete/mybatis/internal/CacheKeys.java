package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.SoftDeleteMode;
import org.apache.ibatis.cache.CacheKey;

/**
 * Cache keys that include the mode, so that neither the session's local cache nor a mapper's
 * {@code <cache/>} hands a query in one mode the rows cached in another.
 */
final class CacheKeys {
  // strings rather than the enum: their hash codes are the same in every JVM, for caches shared between them
  private static final String[] COMPONENTS = new String[SoftDeleteMode.values().length];

  static {
    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      COMPONENTS[mode.ordinal()] = "softdelete.mode=" + mode.name();
    }
  }

  private CacheKeys() {}

  /** Adds the mode to a key that is ours to change. */
  static CacheKey addMode(CacheKey key, SoftDeleteMode mode) {
    key.update(COMPONENTS[mode.ordinal()]);
    return key;
  }

  /** A copy of a caller's key with the mode added: the caller may keep using its own. */
  static CacheKey copyWithMode(CacheKey key, SoftDeleteMode mode) {
    try {
      return addMode(key.clone(), mode);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("CacheKey is Cloneable", e);
    }
  }
}
