package io.github.softdelete.compare.flex;

import com.mybatisflex.core.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Select;

/** MyBatis-Flex's generated statements, plus two the application wrote itself. */
public interface MemberMapper extends BaseMapper<Member> {
  @Select("SELECT name FROM members ORDER BY id")
  List<String> names();

  @Delete("DELETE FROM members WHERE id = #{id}")
  int erase(long id);
}
