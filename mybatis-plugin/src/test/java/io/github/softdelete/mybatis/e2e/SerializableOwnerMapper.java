package io.github.softdelete.mybatis.e2e;

import java.util.List;
import org.apache.ibatis.annotations.Many;
import org.apache.ibatis.annotations.Result;
import org.apache.ibatis.annotations.Results;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.mapping.FetchType;

/** A user with a lazy collection, for lazy loads of deserialized objects. */
public interface SerializableOwnerMapper {
  @Select("SELECT id FROM users WHERE id = #{id}")
  @Results({
    @Result(property = "id", column = "id", id = true),
    @Result(property = "orderIds", column = "id", javaType = List.class,
        many = @Many(select = "orderIdsOfOwner", fetchType = FetchType.LAZY))
  })
  SerializableOwner owner(long id);

  @Select("SELECT id FROM orders WHERE user_id = #{id} ORDER BY id")
  List<Long> orderIdsOfOwner(long id);
}
