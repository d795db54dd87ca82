package io.github.softdelete.mybatis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ibatis.cache.CacheKey;
import org.junit.jupiter.api.Test;

class CacheKeysTest {

  @Test
  void shouldGiveEveryModeItsOwnKeyUndeleteIncluded() {
    CacheKey key = new CacheKey(new Object[] {"ns.select", "SELECT id FROM documents"});

    Set<CacheKey> keys = Arrays.stream(SoftDeleteMode.values())
        .map(mode -> CacheKeys.withMode(key, mode))
        .collect(Collectors.toSet());

    assertThat(keys).hasSize(SoftDeleteMode.values().length).doesNotContain(key);
    assertThat(CacheKeys.withMode(key, SoftDeleteMode.UNDELETE))
        .isEqualTo(CacheKeys.withMode(key, SoftDeleteMode.UNDELETE))
        .isNotEqualTo(CacheKeys.withMode(key, SoftDeleteMode.DEFAULT));
  }
}
