package io.github.softdelete.mybatis.internal.purge;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The order in which tables are purged. A step of its own, fed the list as given, so that an order derived
 * from declared cascades (children before parents) can take its place.
 */
public interface TableOrder extends UnaryOperator<List<String>> {
  /** The tables in the order the user gave them. */
  TableOrder AS_GIVEN = tables -> tables;
}
