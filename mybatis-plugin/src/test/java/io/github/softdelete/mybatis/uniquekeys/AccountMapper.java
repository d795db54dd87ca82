package io.github.softdelete.mybatis.uniquekeys;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Accounts with a unique email, written as if soft deletes did not exist. */
public interface AccountMapper {
  @Insert("INSERT INTO accounts (id, email) VALUES (#{id}, #{email})")
  int insert(@Param("id") long id, @Param("email") String email);

  @Delete("DELETE FROM accounts WHERE email = #{email}")
  int deleteByEmail(String email);

  @Update("UPDATE accounts SET deleted_at = NULL WHERE id = #{id}")
  int restoreDeletedAt(long id);

  @Update("UPDATE accounts SET deleted_token = 0 WHERE id = #{id}")
  int restoreToken(long id);

  @Select("SELECT id FROM accounts WHERE email = #{email} ORDER BY id")
  List<Long> idsByEmail(String email);
}
