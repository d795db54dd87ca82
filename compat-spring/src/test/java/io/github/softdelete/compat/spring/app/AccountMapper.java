package io.github.softdelete.compat.spring.app;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Select;

public interface AccountMapper {
  @Select("SELECT name FROM accounts ORDER BY id")
  List<String> names();

  @Delete("DELETE FROM accounts WHERE id = #{id}")
  int delete(long id);
}
