package io.github.softdelete.mybatis.catalog;

import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import io.github.softdelete.mybatis.sql.SqlText;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An immutable set of soft table names, matched case-insensitively as whole names, each with its marker (or
 * none: the rewriter's own marker then serves).
 *
 * <p>An entry {@code users} matches {@code users} in any schema; an entry {@code app.users} matches only
 * {@code app.users}, and an unqualified {@code users} (whose schema the search path decides).
 */
public final class SoftTables {
  // table name (lower case) -> schemas it is soft in (lower case; a null key stands for "any schema"), in
  // search order -> its marker (null: the rewriter's own)
  private final Map<String, Map<String, SoftDeleteMarker>> schemasByName;
  private final String[] names;

  private SoftTables(Map<String, Map<String, SoftDeleteMarker>> schemasByName) {
    this.schemasByName = schemasByName;
    this.names = schemasByName.keySet().toArray(new String[0]);
  }

  /**
   * Tables that all use the rewriter's own marker.
   *
   * @param qualifiedNames unquoted names, {@code table} or {@code schema.table}; callers validate them
   */
  public static SoftTables of(Collection<String> qualifiedNames) {
    Map<String, SoftDeleteMarker> withoutMarkers = new LinkedHashMap<>();
    for (String qualified : qualifiedNames) {
      withoutMarkers.put(qualified, null);
    }
    return withMarkers(withoutMarkers);
  }

  /**
   * Tables, each with its own marker.
   *
   * @param markers unquoted names, {@code table} or {@code schema.table}, in search order, to their marker
   *     ({@code null}: the rewriter's own)
   */
  public static SoftTables withMarkers(Map<String, SoftDeleteMarker> markers) {
    Map<String, Map<String, SoftDeleteMarker>> map = new HashMap<>();
    for (Map.Entry<String, SoftDeleteMarker> entry : markers.entrySet()) {
      String lower = entry.getKey().trim().toLowerCase(Locale.ROOT);
      int dot = lower.lastIndexOf('.');
      String name = dot < 0 ? lower : lower.substring(dot + 1);
      String schema = dot < 0 ? null : lower.substring(0, dot);
      map.computeIfAbsent(name, n -> new LinkedHashMap<>()).putIfAbsent(schema, entry.getValue());
    }
    return new SoftTables(map);
  }

  public boolean isEmpty() {
    return names.length == 0;
  }

  /** The table names, lower case, without schema. */
  public Set<String> names() {
    return Set.of(names);
  }

  /** The markers the tables have of their own, each once: none for tables that use the rewriter's own. */
  public Set<SoftDeleteMarker> markers() {
    Set<SoftDeleteMarker> markers = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map<String, SoftDeleteMarker> schemas : schemasByName.values()) {
      for (SoftDeleteMarker marker : schemas.values()) {
        if (marker != null) {
          markers.add(marker);
        }
      }
    }
    return markers;
  }

  /**
   * Whether a table reference is soft.
   *
   * @param schema the unquoted schema the statement names, or {@code null} when it names none
   * @param name the unquoted table name
   */
  public boolean isSoft(String schema, String name) {
    Map<String, SoftDeleteMarker> schemas = schemasByName.get(name.toLowerCase(Locale.ROOT));
    if (schemas == null) {
      return false;
    }
    return schema == null || schemas.containsKey(null) || schemas.containsKey(schema.toLowerCase(Locale.ROOT));
  }

  /**
   * The marker of a soft table reference, or {@code null}: the rewriter's own. An unqualified reference takes
   * the entry for any schema, else the first schema in search order (the one the database resolves it to).
   *
   * @param schema the unquoted schema the statement names, or {@code null} when it names none
   * @param name the unquoted table name
   */
  public SoftDeleteMarker markerOf(String schema, String name) {
    Map<String, SoftDeleteMarker> schemas = schemasByName.get(name.toLowerCase(Locale.ROOT));
    if (schemas == null) {
      return null;
    }
    if (schema != null) {
      String lower = schema.toLowerCase(Locale.ROOT);
      if (schemas.containsKey(lower)) {
        return schemas.get(lower);
      }
    }
    if (schemas.containsKey(null)) {
      return schemas.get(null);
    }
    return schema == null ? schemas.values().iterator().next() : null;
  }

  /**
   * A cheap, conservative pre-check: {@code false} only when no soft table name occurs in {@code sql} as a
   * whole word, so the statement cannot touch a soft table and need not be parsed.
   */
  public boolean mayBeMentionedIn(String sql) {
    return firstMentionIn(sql) != null;
  }

  /** The first soft table name (lower case) that occurs in {@code sql} as a whole word, or {@code null}. */
  public String firstMentionIn(String sql) {
    return SqlText.firstWordAmong(sql, names);
  }

  /** Whether {@code name} occurs in {@code sql} as a whole word, case-insensitively, as soft table names are looked for. */
  public static boolean mentions(String sql, String name) {
    int length = name.length();
    for (int i = 0; i + length <= sql.length(); i++) {
      if (sql.regionMatches(true, i, name, 0, length) && (i == 0 || !SqlText.isWordChar(sql.charAt(i - 1)))
          && (i + length == sql.length() || !SqlText.isWordChar(sql.charAt(i + length)))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return schemasByName.toString();
  }
}
