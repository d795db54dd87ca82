package io.github.softdelete.compat.shardingsphere;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Any statement text, as a mapper method: softdelete rewrites each distinct text once. */
interface DynamicMapper {
  @Select("${sql}")
  List<Map<String, Object>> select(@Param("sql") String sql);

  @Update("${sql}")
  int update(@Param("sql") String sql);

  @Delete("${sql}")
  int delete(@Param("sql") String sql);
}
