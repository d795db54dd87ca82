package io.github.softdelete.demo;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** The demo's undo button: not part of the application, registered only in the soft-delete config. */
public interface RestoreMapper {

  @Update("UPDATE documents SET deleted_at = NULL WHERE id = #{id}")
  int restoreDocument(@Param("id") long id);
}
