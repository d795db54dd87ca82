package io.github.softdelete.benchmarks;

import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * A LEFT JOIN whose users come from a {@code <foreach>} IN-list, as written ({@code join}) and with the filter
 * written by hand ({@code joinFiltered}, what softdelete sends for it): each length of the list is a new SQL text.
 */
public interface ForeachMapper {
  String IDS = "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach>";

  @Select({"<script>SELECT u.id AS user_id, u.name, o.id AS order_id, o.amount",
      "FROM users u LEFT JOIN orders o ON o.user_id = u.id",
      "WHERE u.id IN", IDS, "ORDER BY o.id</script>"})
  List<UserOrder> join(@Param("ids") List<Long> ids);

  @Select({"<script>SELECT u.id AS user_id, u.name, o.id AS order_id, o.amount",
      "FROM users u LEFT JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL",
      "WHERE (u.id IN", IDS, ") AND u.deleted_at IS NULL ORDER BY o.id</script>"})
  List<UserOrder> joinFiltered(@Param("ids") List<Long> ids);

  /** Any other statement on the soft tables: run first, so that a fresh engine has met its database. */
  @Select("SELECT name FROM users WHERE id = #{id}")
  String name(long id);
}
