package io.github.softdelete.compat.mybatisplus;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Select;

/** MyBatis-Plus's generated statements, plus two the application wrote itself. */
public interface MemberMapper extends BaseMapper<Member> {
  @Select("SELECT name FROM members ORDER BY id")
  List<String> names();

  @Select("SELECT COUNT(*) FROM teams t JOIN members m ON m.team_id = t.id WHERE t.name = #{team}")
  long countInTeam(String team);

  @Delete("DELETE FROM members WHERE id = #{id}")
  int erase(long id);
}
