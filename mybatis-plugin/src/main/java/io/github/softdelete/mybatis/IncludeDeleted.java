package io.github.softdelete.mybatis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs code with soft-deleted rows visible and updatable everywhere, or, with {@link #tables}, in the tables
 * named only.
 *
 * <p>No filter is added to any statement, so a restore is an ordinary update run in this scope:
 * {@code IncludeDeleted.run(() -> mapper.restore(id))} with {@code UPDATE users SET deleted_at = NULL WHERE id = #{id}}.
 * A DELETE still marks rows instead of erasing them.
 *
 * <p>Scopes are per thread and nest: the innermost wins, and the previous mode is restored when the body
 * returns or throws.
 */
public final class IncludeDeleted {
  private IncludeDeleted() {}

  /** Runs {@code body} in this scope. */
  public static void run(Runnable body) {
    ScopeEntries.entered(SoftDeleteMode.INCLUDE_DELETED);
    ModeHolder.within(SoftDeleteMode.INCLUDE_DELETED, body);
  }

  /** Runs {@code body} in this scope and returns what it returns. */
  public static <T> T get(Supplier<T> body) {
    ScopeEntries.entered(SoftDeleteMode.INCLUDE_DELETED);
    return ModeHolder.within(SoftDeleteMode.INCLUDE_DELETED, body);
  }

  /**
   * A scope in which every reference to the tables named reads all their rows, deleted or not, while every
   * other table keeps the thread's mode: {@code IncludeDeleted.tables("products").get(() -> orders.history(id))}
   * lists live orders with their products, deleted products included.
   *
   * <p>Names match as soft tables do: case-insensitively, quoted or not; {@code products} in any schema,
   * {@code app.products} in {@code app} and where a statement leaves the schema to the search path. A name
   * that is not a soft table changes nothing (the interceptor logs a warning once).
   *
   * @param names {@code table} or {@code schema.table}, each part a SQL identifier, quoted or not
   * @throws IllegalArgumentException for no names, a {@code null} or blank one, or one that is not a table name
   */
  public static Tables tables(String... names) {
    return new Tables(canonical(names));
  }

  /** The tables whose deleted rows the calling thread's scopes show ({@link Tables#isEmpty()} outside any). */
  public static Tables currentTables() {
    Tables current = Tables.CURRENT.get();
    return current == null ? Tables.NONE : current;
  }

  private static Set<String> canonical(String[] names) {
    if (names == null || names.length == 0) {
      throw new IllegalArgumentException("softdelete: IncludeDeleted.tables(...) needs at least one table name"
          + " (IncludeDeleted.run(...) shows the deleted rows of every table)");
    }
    Set<String> canonical = new TreeSet<>();
    for (String name : names) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("softdelete: IncludeDeleted.tables(...) was given "
            + (name == null ? "null" : "a blank name") + " among its table names");
      }
      List<String> parts = SqlNames.dottedName(name, 1, 2);
      if (parts == null) {
        throw new IllegalArgumentException("softdelete: IncludeDeleted.tables(...) was given '" + name
            + "', which is not a table name (table or schema.table, each a SQL identifier)");
      }
      // unquoted and lower case: soft tables match case-insensitively, so quotes carry no meaning here
      canonical.add(String.join(".", parts).toLowerCase(Locale.ROOT));
    }
    return canonical;
  }

  /**
   * The tables of an {@link IncludeDeleted#tables} scope: run code in it with {@link #run} or {@link #get}.
   * Scopes of tables nest by adding up: inside {@code tables("products")}, {@code tables("categories")} shows
   * the deleted rows of both, and the outer set is back when the body returns or throws. They combine with the
   * mode ({@link OnlyDeleted}, {@link HardDelete}, {@link Undelete}) whichever is opened first.
   *
   * <p>Immutable; equal when the names are. {@link #toString()} names them in order and is the same in every
   * JVM (MyBatis cache keys hold it).
   */
  public static final class Tables {
    static final Tables NONE = new Tables(Collections.emptySet());
    // the set the thread's scopes add up to; null outside any
    static final ThreadLocal<Tables> CURRENT = new ThreadLocal<>();

    private final Set<String> names;
    private final String text;

    private Tables(Set<String> names) {
      this.names = Collections.unmodifiableSet(names);
      this.text = "IncludeDeleted.tables(" + String.join(", ", names) + ")";
    }

    /** No table: what a thread outside every table scope has. */
    public static Tables none() {
      return NONE;
    }

    /** The names, unquoted and in lower case, {@code table} or {@code schema.table}, in alphabetical order. */
    public Set<String> names() {
      return names;
    }

    public boolean isEmpty() {
      return names.isEmpty();
    }

    /**
     * These tables without the ones {@code keep} rejects: this very object when it keeps them all, {@link #none()}
     * when it keeps none.
     */
    public Tables only(Predicate<String> keep) {
      List<String> kept = new ArrayList<>(names.size());
      for (String name : names) {
        if (keep.test(name)) {
          kept.add(name);
        }
      }
      return kept.size() == names.size() ? this : kept.isEmpty() ? NONE : new Tables(new TreeSet<>(kept));
    }

    /** Runs {@code body} with these tables' deleted rows visible, besides the tables of the outer scopes. */
    public void run(Runnable body) {
      requireBody(body);
      get(() -> {
        body.run();
        return null;
      });
    }

    /** Runs {@code body} as {@link #run} does and returns what it returns. */
    public <T> T get(Supplier<T> body) {
      requireBody(body);
      Tables previous = CURRENT.get();
      return restoring(previous == null ? this : previous.and(this), body);
    }

    private Tables and(Tables inner) {
      if (names.containsAll(inner.names)) {
        return this;
      }
      Set<String> union = new TreeSet<>(names);
      union.addAll(inner.names);
      return new Tables(union);
    }

    /** The thread's set as its scopes add it up, {@code null} outside any. */
    static Tables captured() {
      return CURRENT.get();
    }

    /**
     * Runs {@code body} with exactly {@code captured} as the thread's set ({@code null} or empty: none), not added
     * to what the thread had, then puts that back.
     */
    static <T> T restoring(Tables captured, Supplier<T> body) {
      return ThreadValues.with(CURRENT, captured == null || captured.isEmpty() ? null : captured, body);
    }

    private static void requireBody(Object body) {
      if (body == null) {
        throw new IllegalArgumentException("softdelete: the body of an IncludeDeleted.tables(...) scope must not"
            + " be null");
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Tables tables && names.equals(tables.names);
    }

    @Override
    public int hashCode() {
      return names.hashCode();
    }

    /** {@code IncludeDeleted.tables(app.orders, products)}: the names in order. */
    @Override
    public String toString() {
      return text;
    }
  }
}
