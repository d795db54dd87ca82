package io.github.softdelete.mybatis.e2e;

import java.util.List;

/** The order history behind a second-level {@code <cache/>} (CachedOrderHistoryMapper.xml). */
public interface CachedOrderHistoryMapper {
  List<String> history();
}
