package io.github.softdelete.compat.spring.app;

import org.apache.ibatis.annotations.Update;

/** A statement meant for HardDelete only, which softdelete refuses anywhere else. */
public interface MaintenanceMapper {
  @Update("TRUNCATE TABLE users")
  void truncateUsers();
}
