package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.logging.LogFactory;

/**
 * Narrows the thread's {@code IncludeDeleted.tables(...)} scope to the tables that can change a statement: those
 * soft in this database that the statement names. A statement the scope cannot change then runs, and is cached,
 * exactly as outside the scope, under the same cache keys. A name that is no soft table here is told once, in a
 * warning: most likely a typo, which would otherwise change nothing without a word.
 */
final class ScopedTables {
  // the names warned about, bounded so that names made up at run time cannot grow it without end
  private static final int MAXIMUM_WARNED = 1_000;

  private final SoftTables soft;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  ScopedTables(SoftTables soft) {
    this.soft = soft;
  }

  /**
   * The tables of {@code scope} that are soft here and that {@code sql} names ({@code null}: not known yet, so all
   * that are soft); {@code scope} itself when that is all of them.
   */
  IncludeDeleted.Tables relevant(IncludeDeleted.Tables scope, String sql) {
    if (scope.isEmpty()) {
      return scope;
    }
    return scope.only(name -> isSoft(name) && (sql == null || SoftTables.mentions(sql, tableOf(name))));
  }

  private boolean isSoft(String name) {
    int dot = name.lastIndexOf('.');
    boolean isSoft = soft.isSoft(dot < 0 ? null : name.substring(0, dot), tableOf(name));
    if (!isSoft && warned.size() < MAXIMUM_WARNED && warned.add(name)) {
      LogFactory.getLog(ScopedTables.class).warn("softdelete: IncludeDeleted.tables(...) names '" + name
          + "', which is not a soft table of this database; the scope changes nothing for it");
    }
    return isSoft;
  }

  private static String tableOf(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
