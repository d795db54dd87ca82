package io.github.softdelete.compat.pagehelper;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Select;

/** Written as if soft deletes did not exist. */
public interface UserMapper {
  @Select("SELECT name FROM users ORDER BY id")
  List<String> names();

  @Select("WITH named AS (SELECT id, name FROM users) SELECT name FROM named ORDER BY id")
  List<String> namesThroughCte();

  // ann's partner (id + 3) is deleted, bob's is live
  @Select("SELECT name FROM users u WHERE EXISTS (SELECT 1 FROM users p WHERE p.id = u.id + 3) ORDER BY id")
  List<String> namesWithPartner();

  @Delete("DELETE FROM users WHERE id = #{id}")
  int delete(long id);
}
