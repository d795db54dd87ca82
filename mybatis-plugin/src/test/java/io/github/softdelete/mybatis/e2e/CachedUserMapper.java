package io.github.softdelete.mybatis.e2e;

import java.util.List;

/** An XML mapper with a second-level {@code <cache/>} (CachedUserMapper.xml). */
public interface CachedUserMapper {
  List<String> names();
}
