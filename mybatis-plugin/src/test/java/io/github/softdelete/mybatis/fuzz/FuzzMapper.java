package io.github.softdelete.mybatis.fuzz;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Runs whatever SQL it is given, as a mapper statement: {@code ${sql}} is spliced in first, then its
 * {@code #{pN}} become bound parameters, exactly as in an application's own mapper.
 */
interface FuzzMapper {
  String SELECT = FuzzMapper.class.getName() + ".select";
  String UPDATE = FuzzMapper.class.getName() + ".update";
  String DELETE = FuzzMapper.class.getName() + ".delete";

  @Select("${sql}")
  List<Map<String, Object>> select(Map<String, Object> params);

  @Update("${sql}")
  int update(Map<String, Object> params);

  @Delete("${sql}")
  int delete(Map<String, Object> params);
}
