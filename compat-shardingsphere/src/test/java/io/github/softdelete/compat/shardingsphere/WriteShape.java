package io.github.softdelete.compat.shardingsphere;

import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.Undelete;
import java.util.function.Function;

/**
 * A DELETE or UPDATE as the application writes it, and the scope it runs in. {@link Scope#UNDO} runs the
 * statement, then runs it again inside {@code Undelete}: the count is the undo's.
 */
record WriteShape(String name, String sql, Scope scope) {
  enum Scope { DEFAULT, UNDO, INCLUDE_DELETED, HARD_DELETE }

  static WriteShape of(String name, String sql) {
    return new WriteShape(name, sql, Scope.DEFAULT);
  }

  static WriteShape in(Scope scope, String name, String sql) {
    return new WriteShape(name, sql, scope);
  }

  boolean isDelete() {
    return sql.startsWith("DELETE");
  }

  /** Runs the statement through {@code mapper}, in its scope; the count MyBatis returns. */
  int run(Function<String, Integer> mapper) {
    return switch (scope) {
      case DEFAULT -> mapper.apply(sql);
      case UNDO -> {
        mapper.apply(sql);
        yield Undelete.get(() -> mapper.apply(sql));
      }
      case INCLUDE_DELETED -> IncludeDeleted.get(() -> mapper.apply(sql));
      case HARD_DELETE -> HardDelete.get(() -> mapper.apply(sql));
    };
  }

  @Override
  public String toString() {
    return name;
  }
}
