package io.github.softdelete.benchmarks;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Select;

/**
 * MyBatis-Plus's way: {@code selectById} and {@code deleteById} get the {@code @TableLogic} filter at start-up;
 * a hand-written join does not, so its filter is written by hand as in {@link ShopMapper#JOIN_FILTERED}.
 */
public interface MpUserMapper extends BaseMapper<User> {
  @Select(ShopMapper.JOIN_FILTERED)
  List<UserOrder> joinFiltered(long orderId);
}
