package io.github.softdelete.compat.spring.app;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Select;

public interface UserMapper {
  @Select("SELECT name FROM users ORDER BY id")
  List<String> names();

  @Delete("DELETE FROM users WHERE id = #{id}")
  int delete(long id);
}
