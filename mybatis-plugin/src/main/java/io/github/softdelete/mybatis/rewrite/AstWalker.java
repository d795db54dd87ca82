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

  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != null && isAstType(c); c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) || isParserInternal(field.getType())) {
            continue;
          }
          if (!field.trySetAccessible()) {
            throw new IllegalStateException("cannot read " + field + "; put JSqlParser on the class path");
          }
          fields.add(field);
        }
      }
      return Collections.unmodifiableList(fields);
    }
  };

  private AstWalker() {}

  /**
   * Walks the tree under {@code root} depth-first, each node once; {@code root} itself is not offered.
   *
   * @param enter called for every AST node; returns whether to walk into the node's children
   */
  static void walk(Object root, Predicate<Object> enter) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Object node = pending.pop();
      if (!seen.add(node)) {
        continue;
      }
      if (node != root && !enter.test(node)) {
        continue;
      }
      List<Object> children = new ArrayList<>();
      for (Field field : FIELDS.get(node.getClass())) {
        collect(read(field, node), children);
      }
      // push in reverse so that children are visited in source order
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
    }
  }

  private static void collect(Object value, List<Object> out) {
    if (value == null) {
      return;
    }
    if (value instanceof Iterable<?> iterable) {
      for (Object element : iterable) {
        collect(element, out);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Object element : map.values()) {
        collect(element, out);
      }
    } else if (value instanceof Object[] array) {
      for (Object element : array) {
        collect(element, out);
      }
    } else if (isAstType(value.getClass()) && !isParserInternal(value.getClass())) {
      out.add(value);
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

  // the parser's own bookkeeping (tokens, concrete syntax nodes with parent links) is not part of the tree
  private static boolean isParserInternal(Class<?> type) {
    return Node.class.isAssignableFrom(type) || Token.class.isAssignableFrom(type);
  }
}
