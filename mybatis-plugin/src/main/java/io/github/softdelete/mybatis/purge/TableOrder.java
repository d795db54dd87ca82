package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.Cascade;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The order in which tables are purged. A step of its own, fed the list as given, so that an order derived
 * from declared cascades (children before parents) can take its place.
 */
public interface TableOrder extends UnaryOperator<List<String>> {
  /** The tables in the order the user gave them. */
  TableOrder AS_GIVEN = tables -> tables;

  /**
   * Children before their parents, so that a foreign key from a child never holds up its parent's purge;
   * otherwise as given. The cascade declaration is acyclic (checked where it is parsed).
   */
  static TableOrder childrenFirst(List<Cascade> cascades) {
    return tables -> {
      List<String> remaining = new ArrayList<>(tables);
      List<String> ordered = new ArrayList<>(tables.size());
      while (!remaining.isEmpty()) {
        String next = remaining.stream()
            .filter(table -> remaining.stream().noneMatch(other -> other != table && isChildOf(cascades, other, table)))
            .findFirst()
            // only reachable with a cycle, which start-up rejects: fall back to the order given
            .orElse(remaining.get(0));
        ordered.add(next);
        remaining.remove(next);
      }
      return List.copyOf(ordered);
    };
  }

  private static boolean isChildOf(List<Cascade> cascades, String child, String parent) {
    return cascades.stream().anyMatch(c -> c.hasChild(child) && c.hasParent(parent));
  }
}
