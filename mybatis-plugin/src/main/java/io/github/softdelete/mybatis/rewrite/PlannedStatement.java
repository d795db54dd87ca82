package io.github.softdelete.mybatis.rewrite;

import java.util.List;

/**
 * A statement the library runs before the application's own, in the same transaction: the UPDATE that marks
 * (or restores) the children of a cascade.
 *
 * @param table the table it changes, for messages
 * @param sql the SQL, with {@code ?} only
 * @param bindings the source of each {@code ?}, in order
 */
public record PlannedStatement(String table, String sql, List<Binding> bindings) {}
