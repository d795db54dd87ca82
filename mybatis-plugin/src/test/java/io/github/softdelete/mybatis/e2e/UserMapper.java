package io.github.softdelete.mybatis.e2e;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.cursor.Cursor;

/** An annotation mapper, written as if soft deletes did not exist. */
public interface UserMapper {
  @Select("SELECT name FROM users ORDER BY id")
  List<String> names();

  @Select("SELECT name FROM users ORDER BY id")
  Cursor<String> namesCursor();

  @Select("WITH named AS (SELECT id, name FROM users) SELECT name FROM named ORDER BY id")
  List<String> namesThroughCte();

  // JSqlParser 5.3 cannot read the UNIQUE predicate; H2 runs it (true: ids are unique)
  @Select("SELECT name FROM users WHERE UNIQUE (SELECT id FROM users) ORDER BY id")
  List<String> namesUnreadable();

  @Delete("DELETE FROM users WHERE id = #{id}")
  int delete(long id);

  @Update("UPDATE users SET name = #{name} WHERE id = #{id}")
  int rename(@Param("id") long id, @Param("name") String name);

  @Update("UPDATE users SET deleted_at = NULL WHERE id = #{id}")
  int restore(long id);

  @Update("TRUNCATE TABLE users")
  int truncate();

  // odd spacing and a comment on purpose: they must reach JDBC exactly as written
  @Select("SELECT  message /* as written */ FROM audit_log\n   WHERE id >= #{fromId}   ORDER BY id")
  List<String> auditMessages(long fromId);

  @Insert("INSERT INTO audit_log (message) VALUES (#{message})")
  int audit(String message);
}
