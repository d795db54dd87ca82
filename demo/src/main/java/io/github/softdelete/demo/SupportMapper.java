package io.github.softdelete.demo;

import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The support desk's detective query: not part of the application, added by the demo beside its mappers. */
public interface SupportMapper {

  @Select("SELECT id, title, deleted_at, deleted_by, delete_reason FROM documents WHERE id = #{id}")
  Map<String, Object> whenWhoWhy(@Param("id") long id);
}
