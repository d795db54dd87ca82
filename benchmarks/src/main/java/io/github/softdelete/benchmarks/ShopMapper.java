package io.github.softdelete.benchmarks;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The statements of the benchmarks, as an application writes them ({@code user}, {@code join}, ...) and with the
 * soft-delete filter written by hand ({@code ...Filtered}): the floor any automatic filter is measured against.
 * The hand-written ones are, to the character, what softdelete sends for the others (checked before a run), so
 * that the database does the same work and the difference is the cost of getting there.
 */
public interface ShopMapper {
  String JOIN = "SELECT u.id AS user_id, u.name, o.id AS order_id, o.amount"
      + " FROM users u LEFT JOIN orders o ON o.user_id = u.id"
      + " WHERE u.id IN (SELECT o2.user_id FROM orders o2 WHERE o2.id = #{orderId})"
      + " ORDER BY o.id";
  String JOIN_FILTERED = "SELECT u.id AS user_id, u.name, o.id AS order_id, o.amount"
      + " FROM users u LEFT JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
      + " WHERE (u.id IN (SELECT o2.user_id FROM orders o2 WHERE (o2.id = #{orderId}) AND o2.deleted_at IS NULL))"
      + " AND u.deleted_at IS NULL"
      + " ORDER BY o.id";
  String USER = "SELECT id, name, email FROM users WHERE id = #{id}";
  String USER_FILTERED = "SELECT id, name, email FROM users WHERE (id = #{id}) AND users.deleted_at IS NULL";
  String DELETE = "DELETE FROM users WHERE id = #{id}";
  String DELETE_FILTERED = "UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = #{id}) AND deleted_at IS NULL";

  @Select(USER)
  User user(long id);

  @Select(USER_FILTERED)
  User userFiltered(long id);

  @Select(JOIN)
  List<UserOrder> join(long orderId);

  @Select(JOIN_FILTERED)
  List<UserOrder> joinFiltered(long orderId);

  /** Products are not soft-deletable: an automatic filter should cost nothing here. */
  @Select("SELECT title FROM products WHERE id = #{id}")
  String productTitle(long id);

  @Delete(DELETE)
  int delete(long id);

  /** The soft delete an automatic filter has to complete (MyBatis-Plus's runtime rewrite adds the predicate). */
  @Update("UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  int markDeleted(long id);

  @Update(DELETE_FILTERED)
  int markDeletedFiltered(long id);
}
