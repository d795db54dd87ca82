package io.github.softdelete.mybatis.rewrite;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;

/**
 * Visits every node of a JSqlParser tree by reading its fields, whatever the node type.
 *
 * <p>Visitors only reach what their authors thought of; this walk reaches everything, so it is what finds
 * subqueries in any expression position and what proves that no soft table reference was left unfiltered.
 */
final class AstWalker {
  // the parser's package, read at run time: the packaged jar (and the agent) carry JSqlParser relocated
  private static final String AST_PACKAGE_PREFIX =
      Statement.class.getPackageName().substring(0, Statement.class.getPackageName().lastIndexOf('.') + 1);

  // per node class: the fields that can hold nodes (not primitives, strings, numbers, enums, parser internals)
  private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
    @Override
    protected Field[] computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != null && isAstType(c); c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) || cannotHoldNodes(field.getType())) {
            continue;
          }
          if (!field.trySetAccessible()) {
            throw new IllegalStateException("cannot read " + field + "; put JSqlParser on the class path");
          }
          fields.add(field);
        }
      }
      return fields.toArray(new Field[0]);
    }
  };

  // per class of a value read from a field: how the walk treats it (asked for every value, so computed once)
  private static final ClassValue<Kind> KINDS = new ClassValue<>() {
    @Override
    protected Kind computeValue(Class<?> type) {
      if (Iterable.class.isAssignableFrom(type)) {
        return Kind.ITERABLE;
      } else if (Map.class.isAssignableFrom(type)) {
        return Kind.MAP;
      } else if (Object[].class.isAssignableFrom(type)) {
        return Kind.ARRAY;
      }
      return isAstType(type) && !isParserInternal(type) ? Kind.NODE : Kind.OTHER;
    }
  };

  private enum Kind { ITERABLE, MAP, ARRAY, NODE, OTHER }

  private AstWalker() {}

  /**
   * Walks the tree under {@code root} depth-first, each node with children once (a leaf shared by two
   * parents is offered twice); {@code root} itself is not offered.
   *
   * @param enter called for every AST node; returns whether to walk into the node's children
   */
  static void walk(Object root, Predicate<Object> enter) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>(16));
    Deque<Object> pending = new ArrayDeque<>();
    List<Object> children = new ArrayList<>();
    if (KINDS.get(root.getClass()) != Kind.NODE) {
      // a root that is a list (a parenthesised condition is an ExpressionList): its elements are its children
      collect(root, children);
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
      children.clear();
      root = null;
    } else {
      pending.push(root);
    }
    while (!pending.isEmpty()) {
      Object node = pending.pop();
      Field[] fields = FIELDS.get(node.getClass());
      // a leaf (a literal, a ?) leads nowhere: offering it twice is cheaper than remembering it
      if (fields.length > 0 && !seen.add(node)) {
        continue;
      }
      if (node != root && !enter.test(node)) {
        continue;
      }
      for (Field field : fields) {
        collect(read(field, node), children);
      }
      // push in reverse so that children are visited in source order
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
      children.clear();
    }
  }

  private static void collect(Object value, List<Object> out) {
    if (value == null) {
      return;
    }
    switch (KINDS.get(value.getClass())) {
      case ITERABLE -> {
        for (Object element : (Iterable<?>) value) {
          collect(element, out);
        }
      }
      case MAP -> {
        for (Object element : ((Map<?, ?>) value).values()) {
          collect(element, out);
        }
      }
      case ARRAY -> {
        for (Object element : (Object[]) value) {
          collect(element, out);
        }
      }
      case NODE -> out.add(value);
      case OTHER -> {
        // a value, not a node
      }
    }
  }

  private static Object read(Field field, Object node) {
    try {
      return field.get(node);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }

  private static boolean isAstType(Class<?> type) {
    return type.getName().startsWith(AST_PACKAGE_PREFIX) && !type.isEnum();
  }

  // a field of such a declared type holds no node, whatever its value
  private static boolean cannotHoldNodes(Class<?> type) {
    return type.isPrimitive() || type.isEnum() || type == String.class || type == Boolean.class
        || type == Character.class || Number.class.isAssignableFrom(type) || isParserInternal(type);
  }

  // the parser's own bookkeeping (tokens, concrete syntax nodes with parent links) is not part of the tree
  private static boolean isParserInternal(Class<?> type) {
    return Node.class.isAssignableFrom(type) || Token.class.isAssignableFrom(type);
  }
}
