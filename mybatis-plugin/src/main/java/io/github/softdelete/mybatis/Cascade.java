package io.github.softdelete.mybatis;

import java.util.List;
import java.util.Locale;

/**
 * A declared parent/child relation, {@code child_table.column->parent_table.column}: soft-deleting parent rows
 * soft-deletes their live children in the same transaction, with the same marker value, and undoing the
 * parents restores those children.
 *
 * @param childTable the child table, unquoted, {@code table} or {@code schema.table}
 * @param childColumn the child's column that holds the parent's key, unquoted
 * @param parentTable the parent table, unquoted, {@code table} or {@code schema.table}
 * @param parentColumn the parent's key column, unquoted
 */
public record Cascade(String childTable, String childColumn, String parentTable, String parentColumn) {

  /** Whether {@code table} (unquoted, {@code table} or {@code schema.table}) is this relation's child. */
  public boolean hasChild(String table) {
    return sameTable(childTable, table);
  }

  /** Whether {@code table} (unquoted, {@code table} or {@code schema.table}) is this relation's parent. */
  public boolean hasParent(String table) {
    return sameTable(parentTable, table);
  }

  /**
   * Table names match case-insensitively; a name without schema matches the same name in any schema, as
   * {@code tables} does.
   */
  /** Whether a deleted value is a timestamp, which ties a cascade's children to their parent's deletion. */
  public static boolean tiesByTimestamp(String deletedValue) {
    return ConfigValues.isTimestamp(deletedValue);
  }

  /**
   * Why this cascade cannot go through {@code table}, whose marker ({@code what}: its deleted value, or its
   * column's type) is not a timestamp.
   */
  public String refusalThrough(String table, String what) {
    return "the cascade '" + this + "' goes through table '" + table + "', whose " + what
        + " is not a timestamp: parent and children are tied by one deletion timestamp, which is how undo tells"
        + " the children a cascade deleted from those deleted before; give table '" + table
        + "' a timestamp marker (table." + table + ".deletedValue=CURRENT_TIMESTAMP) or drop the cascade";
  }

  static boolean sameTable(String a, String b) {
    String left = a.toLowerCase(Locale.ROOT);
    String right = b.toLowerCase(Locale.ROOT);
    if (left.equals(right)) {
      return true;
    }
    boolean leftQualified = left.indexOf('.') >= 0;
    boolean rightQualified = right.indexOf('.') >= 0;
    if (leftQualified == rightQualified) {
      return false;
    }
    return leftQualified ? left.endsWith("." + right) : right.endsWith("." + left);
  }

  /**
   * Reads declarations as the {@code cascade} property does ({@code child_table.column->parent_table.column},
   * separated by commas or colons), without MyBatis.
   *
   * @throws IllegalArgumentException saying what is wrong: an empty or malformed declaration, a cycle
   */
  public static List<Cascade> parseAll(String declarations) {
    return Cascades.parse(declarations, List.of());
  }

  /** The declaration as written in the {@code cascade} property. */
  @Override
  public String toString() {
    return childTable + "." + childColumn + "->" + parentTable + "." + parentColumn;
  }
}
