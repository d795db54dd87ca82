package io.github.softdelete.mybatis.e2e;

import java.sql.Timestamp;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** A mapper of an application that soft-deleted by hand before softdelete was attached. */
public interface HandSoftDeleteMapper {
  @Select("SELECT name FROM users WHERE deleted_at IS NOT NULL ORDER BY id")
  List<String> trash();

  @Select("SELECT name FROM users WHERE deleted_at IS NULL ORDER BY id")
  List<String> live();

  @Update("UPDATE users SET deleted_at = NULL WHERE id = #{id}")
  int restore(long id);

  @Update("UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  int softDelete(long id);

  // as a generator's updateByPrimaryKey writes it: every column, the marker included
  @Update("UPDATE users SET name = #{name}, deleted_at = #{deletedAt} WHERE id = #{id}")
  int updateByPrimaryKey(@Param("id") long id, @Param("name") String name, @Param("deletedAt") Timestamp deletedAt);

  // forgotten: no marker for users, so softdelete filters it
  @Select("SELECT name FROM users ORDER BY id")
  List<String> everyName();

  // the orders' marker is constrained here, the users' is forgotten
  @Select("SELECT u.name FROM users u JOIN orders o ON o.user_id = u.id WHERE o.deleted_at IS NOT NULL ORDER BY u.id")
  List<String> namesWithDeletedOrders();

  @Update("UPDATE users SET name = #{name} WHERE id = #{id}")
  int rename(@Param("id") long id, @Param("name") String name);
}
