package io.github.softdelete.mybatis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.IncludeDeleted;
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

  @Test
  void shouldGiveEveryScopeOfTablesItsOwnKeyAndNoneTheKeyOfTheModeAlone() {
    CacheKey key = new CacheKey(new Object[] {"ns.select", "SELECT id FROM orders o JOIN products p ON p.id = o.product_id"});
    SoftDeleteMode mode = SoftDeleteMode.DEFAULT;

    CacheKey products = CacheKeys.withMode(key, mode, IncludeDeleted.tables("products"));
    CacheKey productsAgain = CacheKeys.withMode(key, mode, IncludeDeleted.tables("\"PRODUCTS\""));
    CacheKey both = CacheKeys.withMode(key, mode, IncludeDeleted.tables("products", "orders"));
    CacheKey bothOtherOrder = CacheKeys.withMode(key, mode, IncludeDeleted.tables("orders", "products"));
    CacheKey none = CacheKeys.withMode(key, mode, IncludeDeleted.Tables.none());

    assertThat(products).isEqualTo(productsAgain).isNotEqualTo(both).isNotEqualTo(none);
    assertThat(both).isEqualTo(bothOtherOrder);
    assertThat(none).isEqualTo(CacheKeys.withMode(key, mode));
    assertThat(CacheKeys.withMode(key, SoftDeleteMode.ONLY_DELETED, IncludeDeleted.tables("products")))
        .isNotEqualTo(products);
  }
}
