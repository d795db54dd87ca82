package io.github.softdelete.mybatis.catalog;

import io.github.softdelete.mybatis.Cascade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The graph that relations form, checked alike for declared relations and for those derived from foreign keys. */
public final class RelationGraph {
  private RelationGraph() {}

  /** A cycle, parent first and closed ({@code a -> b -> a}), or empty when the cascades form none. */
  public static List<String> cycleIn(List<Cascade> cascades) {
    Map<String, Integer> state = new HashMap<>();
    for (Cascade cascade : cascades) {
      List<String> path = new ArrayList<>();
      List<String> cycle = visit(cascade.parentTable(), cascades, state, path);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    return List.of();
  }

  // state: absent = unseen, 1 = on the current path, 2 = done
  private static List<String> visit(String table, List<Cascade> cascades, Map<String, Integer> state,
      List<String> path) {
    String key = table.toLowerCase(Locale.ROOT);
    Integer seen = state.get(key);
    if (seen != null && seen == 2) {
      return List.of();
    }
    if (seen != null) {
      List<String> cycle = new ArrayList<>(path.subList(indexOf(path, table), path.size()));
      cycle.add(table);
      return cycle;
    }
    state.put(key, 1);
    path.add(table);
    for (Cascade cascade : cascades) {
      if (cascade.hasParent(table)) {
        List<String> cycle = visit(cascade.childTable(), cascades, state, path);
        if (!cycle.isEmpty()) {
          return cycle;
        }
      }
    }
    path.remove(path.size() - 1);
    state.put(key, 2);
    return List.of();
  }

  private static int indexOf(List<String> path, String table) {
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i).equalsIgnoreCase(table)) {
        return i;
      }
    }
    return 0;
  }
}
