package io.github.softdelete.mybatis.load;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The statement kinds the load mixes: joins, subqueries, updates and deletes of soft tables. */
interface LoadMapper {
  @Select("SELECT COUNT(*) FROM users WHERE id BETWEEN #{from} AND #{to}")
  long countUsers(@Param("from") int from, @Param("to") int to);

  @Select("SELECT COUNT(*) FROM orders o JOIN users u ON u.id = o.user_id WHERE u.id BETWEEN #{from} AND #{to}")
  long countOrdersOfUsers(@Param("from") int from, @Param("to") int to);

  @Select("SELECT COUNT(*) FROM users u WHERE u.id BETWEEN #{from} AND #{to}"
      + " AND EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id)")
  long countUsersWithOrders(@Param("from") int from, @Param("to") int to);

  @Update("UPDATE users SET name = #{name} WHERE id = #{id}")
  int rename(@Param("id") int id, @Param("name") String name);

  @Delete("DELETE FROM orders WHERE id = #{id}")
  int deleteOrder(@Param("id") int id);
}
