package io.github.softdelete.mybatis.faults;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** A soft delete of many rows at once. */
interface FaultMapper {
  @Delete("DELETE FROM users WHERE id <= #{last}")
  int deleteUpTo(@Param("last") int last);

  @Select("SELECT pg_backend_pid()")
  int backendPid();
}
