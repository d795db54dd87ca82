package io.github.softdelete.mybatis.badinput;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Statements as applications write them, including the careless ones. */
interface BadInputMapper {
  String SQL = "io.github.softdelete.mybatis.badinput.BadInputMapper.sql";

  @Select("${sql}")
  List<Integer> sql(@Param("sql") String sql);

  @Update("${sql}")
  int update(@Param("sql") String sql);

  @Insert("${sql}")
  int insert(@Param("sql") String sql);

  /** Splices {@code name} into the SQL text: an injection hole, as some applications have. */
  @Select("SELECT id FROM users WHERE name = '${name}' ORDER BY id")
  List<Integer> idsNamedSpliced(@Param("name") String name);

  @Delete("DELETE FROM users WHERE name = '${name}'")
  int deleteNamedSpliced(@Param("name") String name);

  /** JSqlParser 5.3 cannot read the UNIQUE predicate; H2 runs it (true: ids are unique). */
  @Select("SELECT id FROM users WHERE name = #{name} AND UNIQUE (SELECT id FROM users)")
  List<Integer> unreadableWithBoundName(@Param("name") String name);

  @Delete("DELETE FROM users WHERE name = #{name} AND id ! 1")
  int unreadableDeleteWithBoundName(@Param("name") String name);

  @Select("SELECT id FROM users WHERE name = #{name} AND missing = 1")
  List<Integer> idsNamedWithMissingColumn(@Param("name") String name);

  @Select("SELECT id FROM users WHERE name = #{name} ORDER BY id")
  List<Integer> idsNamed(@Param("name") String name);

  @Select("SELECT name FROM users WHERE id = #{id}")
  String nameOf(@Param("id") int id);

  @Select("SELECT id, name FROM users ORDER BY id")
  List<Map<String, Object>> all();
}
