package io.github.softdelete.mybatis.e2e;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** An XML mapper (OrderMapper.xml): dynamic SQL and a {@code <selectKey>}. */
public interface OrderMapper {
  List<Integer> amountsOfUsers(@Param("userIds") List<Long> userIds, @Param("minimum") int minimum);

  int deleteAll(@Param("ids") List<Long> ids);

  int insert(NewOrder order);

  List<Long> orderIds();

  /** Users with the amounts of their orders, loaded by a nested select per user. */
  List<java.util.Map<String, Object>> usersWithAmounts();
}
