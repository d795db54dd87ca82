package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteMode;
import org.apache.ibatis.cache.CacheKey;

/**
 * Cache keys that include the mode, and the scope of tables when there is one, so that neither the session's
 * local cache nor a mapper's {@code <cache/>} hands a query in one mode or scope the rows cached in another.
 * The scope is the one narrowed to what can change the statement ({@link ScopedTables}): a query it cannot
 * change keeps the key it has outside the scope.
 *
 * <p>A key with the mode is MyBatis's key for the SQL that runs plus the mode, however it was made: by the
 * plugin for a query, or by {@code createCacheKey} for a nested select (which then checks {@code isCached} and
 * defers loads with that key) or for a plugin such as PageHelper. The same query therefore has the same key
 * on every path, which MyBatis's detection of circular nested selects relies on. A key the plugin did not make
 * gets the mode added when its query runs.
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

  /** {@code key} with the mode: a copy, so the caller's own key stays as it was; {@code key} if it has one. */
  static CacheKey withMode(CacheKey key, SoftDeleteMode mode) {
    return withMode(key, mode, IncludeDeleted.Tables.none());
  }

  /** {@code key} with the mode and the scope of tables (none when empty); {@code key} if it has them. */
  static CacheKey withMode(CacheKey key, SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    if (key instanceof ModeCacheKey) {
      return key;
    }
    try {
      return withModeOwned(key.clone(), mode, tables);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("CacheKey is Cloneable", e);
    }
  }

  /**
   * {@code key} with the mode, for a key that no one else holds (just made by {@code createCacheKey}): no copy
   * of its components.
   */
  static CacheKey withModeOwned(CacheKey key, SoftDeleteMode mode) {
    return withModeOwned(key, mode, IncludeDeleted.Tables.none());
  }

  /** As {@link #withModeOwned(CacheKey, SoftDeleteMode)}, with the scope of tables when it is not empty. */
  static CacheKey withModeOwned(CacheKey key, SoftDeleteMode mode, IncludeDeleted.Tables tables) {
    if (key instanceof ModeCacheKey) {
      return key;
    }
    ModeCacheKey withMode = new ModeCacheKey();
    withMode.update(key);
    withMode.update(COMPONENTS[mode.ordinal()]);
    if (!tables.isEmpty()) {
      // its text names the tables in order: the same hash code in every JVM, as the mode's
      withMode.update("softdelete." + tables);
    }
    return withMode;
  }

  /** Marks the keys that already include the mode, so that no path adds it twice. */
  private static final class ModeCacheKey extends CacheKey {
    private static final long serialVersionUID = 1L;
  }
}
