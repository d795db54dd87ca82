package io.github.softdelete.benchmarks;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * A point select whose id is spliced into the text with {@code ${}}, as written ({@code user}) and with the filter
 * written by hand ({@code userFiltered}, what softdelete sends for it): each id is a new SQL text.
 */
public interface LiteralMapper {
  String USER = "SELECT id, name, email FROM users WHERE id = ${id}";
  String USER_FILTERED = "SELECT id, name, email FROM users WHERE (id = ${id}) AND users.deleted_at IS NULL";

  @Select(USER)
  User user(@Param("id") long id);

  @Select(USER_FILTERED)
  User userFiltered(@Param("id") long id);

  /** Any other statement on the soft tables: run first, so that a fresh engine has met its database. */
  @Select("SELECT name FROM users WHERE id = #{id}")
  String name(long id);
}
