package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.LogCapture;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.SoftDeleteScope;
import io.github.softdelete.mybatis.Undelete;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code IncludeDeleted.tables(...)} through MyBatis on H2: an order history whose product was deleted, the
 * scopes nested and combined with the modes, writes, both caches, and the scope carried to another thread.
 * Given (table-scope.sql): chair 1, lamp 2 (deleted), desk 3; orders 10 (chair), 11 (lamp), 12 (desk, deleted),
 * 13 (lamp, deleted).
 */
class TableScopeTest {
  private static final List<String> LIVE_HISTORY = List.of("10:chair");
  private static final List<String> WITH_DELETED_PRODUCTS = List.of("10:chair", "11:lamp");
  private static final List<String> EVERYTHING = List.of("10:chair", "11:lamp", "12:desk", "13:lamp");

  @RegisterExtension
  final LogCapture logs = LogCapture.of("io.github.softdelete.mybatis.internal.ScopedTables");

  private TestDatabase db;
  private SqlSessionFactory factory;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create("io/github/softdelete/mybatis/e2e/table-scope.sql");
    factory = factory(false);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    if (pool != null) {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    db.close();
  }

  private SqlSessionFactory factory(boolean sixArgCallerOutside) {
    Properties properties = new Properties();
    properties.setProperty("tables", "products,orders");
    Interceptor softDelete = new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties));
    SqlSessionFactory built = sixArgCallerOutside ? db.factory(softDelete, new SixArgQueryCaller())
        : db.factory(softDelete);
    built.getConfiguration().addMapper(OrderHistoryMapper.class);
    built.getConfiguration().addMapper(CachedOrderHistoryMapper.class);
    return built;
  }

  // a session per call: the local cache must not be what makes a test pass
  private <T> T inSession(Function<OrderHistoryMapper, T> call) {
    try (SqlSession session = factory.openSession(true)) {
      return call.apply(session.getMapper(OrderHistoryMapper.class));
    }
  }

  private List<String> history() {
    return inSession(OrderHistoryMapper::history);
  }

  @Test
  void shouldShowTheDeletedProductOfALiveOrder() {
    List<String> outside = history();
    List<String> inside = IncludeDeleted.tables("products").get(this::history);
    List<String> dynamic = IncludeDeleted.tables("products").get(() -> inSession(m -> m.historyOfAtLeast(1)));

    assertThat(outside).isEqualTo(LIVE_HISTORY);
    // the lamp is deleted, order 11 is not; the deleted orders 12 and 13 stay out
    assertThat(inside).isEqualTo(WITH_DELETED_PRODUCTS);
    assertThat(dynamic).isEqualTo(WITH_DELETED_PRODUCTS);
    assertThat(SoftDeleteMode.current()).isEqualTo(SoftDeleteMode.DEFAULT);
    assertThat(IncludeDeleted.currentTables().isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PRODUCTS", "\"products\"", "public.products", "PUBLIC.\"PRODUCTS\""})
  void shouldMatchTheNameCaseInsensitivelyQuotedOrQualified(String name) {
    assertThat(IncludeDeleted.tables(name).get(this::history)).isEqualTo(WITH_DELETED_PRODUCTS);
  }

  @Test
  void shouldReadCursorsInTheScope() {
    List<String> read = IncludeDeleted.tables("products").get(() -> {
      try (SqlSession session = factory.openSession()) {
        List<String> rows = new ArrayList<>();
        try (Cursor<String> cursor = session.selectCursor(OrderHistoryMapper.class.getName() + ".history")) {
          cursor.forEach(rows::add);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
        return rows;
      }
    });

    assertThat(read).isEqualTo(WITH_DELETED_PRODUCTS);
  }

  @Test
  void shouldAddUpNestedScopesAndRestoreTheOuterOneAfterAnException() {
    List<List<String>> seen = new ArrayList<>();

    IncludeDeleted.tables("products").run(() -> {
      seen.add(history());
      assertThatThrownBy(() -> IncludeDeleted.tables("orders").run(() -> {
        assertThat(IncludeDeleted.currentTables().names()).containsExactly("orders", "products");
        seen.add(history());
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      seen.add(history());
      assertThat(IncludeDeleted.currentTables().names()).containsExactly("products");
    });
    seen.add(history());

    assertThat(seen).containsExactly(WITH_DELETED_PRODUCTS, EVERYTHING, WITH_DELETED_PRODUCTS, LIVE_HISTORY);
    assertThat(IncludeDeleted.currentTables().isEmpty()).isTrue();
  }

  @Test
  void shouldShowTheTrashOfOrdersWithTheirProductsDeletedOrNot() {
    List<String> trash = OnlyDeleted.get(this::history);
    List<String> trashWithAllProducts = OnlyDeleted.get(() -> IncludeDeleted.tables("products").get(this::history));
    List<String> openedTheOtherWayRound = IncludeDeleted.tables("products").get(() -> OnlyDeleted.get(this::history));
    List<String> entityListed = OnlyDeleted.get(() -> IncludeDeleted.tables("orders").get(this::history));

    // order 13's lamp is deleted: the plain trash view hides it
    assertThat(trash).containsExactly("12:desk");
    assertThat(trashWithAllProducts).containsExactly("12:desk", "13:lamp");
    assertThat(openedTheOtherWayRound).containsExactly("12:desk", "13:lamp");
    // the entity of the trash view stays deleted-only, even when the scope lists it
    assertThat(entityListed).containsExactly("12:desk");
  }

  @Test
  void shouldKeepTheFiltersOfHardDeleteAndUndeleteElsewhere() {
    assertThat(HardDelete.get(() -> IncludeDeleted.tables("products").get(this::history)))
        .isEqualTo(WITH_DELETED_PRODUCTS);
    assertThat(Undelete.get(() -> IncludeDeleted.tables("products").get(this::history)))
        .isEqualTo(WITH_DELETED_PRODUCTS);
    assertThat(IncludeDeleted.get(() -> IncludeDeleted.tables("products").get(this::history))).isEqualTo(EVERYTHING);
  }

  @Test
  void shouldUpdateTheDeletedRowsOfTheListedTableStaticOrDynamic() {
    int outside = inSession(m -> m.renameProduct(2, "LAMP"));
    int inside = IncludeDeleted.tables("products").get(() -> inSession(m -> m.renameProduct(2, "Lamp")));
    int dynamicOutside = inSession(m -> m.renameProductDynamically(2, "LAMP"));
    int dynamicInside = IncludeDeleted.tables("products").get(() -> inSession(m -> m.renameProductDynamically(2, "lamp!")));
    int otherTableListed = IncludeDeleted.tables("orders").get(() -> inSession(m -> m.renameProduct(2, "LAMP")));

    assertThat(outside).isZero();
    assertThat(inside).isEqualTo(1);
    assertThat(dynamicOutside).isZero();
    assertThat(dynamicInside).isEqualTo(1);
    assertThat(otherTableListed).isZero();
    assertThat(db.queryLong("SELECT COUNT(*) FROM products WHERE id = 2 AND name = 'lamp!' AND deleted_at IS NOT NULL"))
        .isEqualTo(1);
  }

  @Test
  void shouldReadAllRowsOfTheListedTableInTheSubqueryOfAnUpdate() {
    int outside = inSession(m -> m.cancelOrdersOfProductNamed("lamp"));
    int inside = IncludeDeleted.tables("products").get(() -> inSession(m -> m.cancelOrdersOfProductNamed("lamp")));

    // outside the lamp does not exist; inside, its live order 11 is cancelled, its deleted order 13 is not
    assertThat(outside).isZero();
    assertThat(inside).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM orders WHERE quantity = 0")).isEqualTo(1);
    assertThat(db.queryLong("SELECT quantity FROM orders WHERE id = 13")).isEqualTo(4);
  }

  @Test
  void shouldStillMarkOnDeleteOfTheListedTable() {
    int deletedAgain = IncludeDeleted.tables("products").get(() -> inSession(m -> m.deleteProduct(2)));
    int deleted = IncludeDeleted.tables("products").get(() -> inSession(m -> m.deleteProduct(1)));

    assertThat(deletedAgain).isZero();
    assertThat(deleted).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM products")).isEqualTo(3);
    assertThat(db.queryLong("SELECT COUNT(*) FROM products WHERE id = 2 AND deleted_at = TIMESTAMP '2026-01-01 00:00:00'"))
        .isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL")).isEqualTo(1);
  }

  @Test
  void shouldBatchTheSameStatementInTheScopeIntoOneBatch() {
    int[] counts = IncludeDeleted.tables("products").get(() -> {
      try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
        OrderHistoryMapper mapper = session.getMapper(OrderHistoryMapper.class);
        mapper.renameProduct(1, "Chair");
        mapper.renameProduct(2, "Lamp");
        mapper.renameProduct(3, "Desk");
        List<BatchResult> batches = session.flushStatements();
        session.commit();
        // one batch: the scope hands BatchExecutor the same statement every time
        assertThat(batches).hasSize(1);
        return batches.get(0).getUpdateCounts();
      }
    });

    assertThat(counts).containsExactly(1, 1, 1);
    assertThat(inSession(OrderHistoryMapper::productNames)).containsExactly("Chair", "Desk");
  }

  @Test
  void shouldChangeNothingForANameThatIsNotASoftTableAndSaySoOnce() {
    logs.level(Level.WARNING);

    List<String> first = IncludeDeleted.tables("audit_log").get(this::history);
    List<String> second = IncludeDeleted.tables("audit_log").get(this::history);

    assertThat(first).isEqualTo(LIVE_HISTORY);
    assertThat(second).isEqualTo(LIVE_HISTORY);
    assertThat(logs.messages()).containsExactly("softdelete: IncludeDeleted.tables(...) names 'audit_log', which is"
        + " not a soft table of this database; the scope changes nothing for it");
  }

  // ---------------------------------------------------------------- caches

  @ParameterizedTest(name = "six-argument caller outside: {0}")
  @ValueSource(booleans = {false, true})
  void shouldNotServeTheLocalCacheOfAnotherScope(boolean sixArgCallerOutside) {
    factory = factory(sixArgCallerOutside);
    try (SqlSession session = factory.openSession()) {
      OrderHistoryMapper orders = session.getMapper(OrderHistoryMapper.class);

      List<String> live = orders.history();
      List<String> withProducts = IncludeDeleted.tables("products").get(orders::history);
      List<String> withOrders = IncludeDeleted.tables("orders").get(orders::history);
      List<String> withProductsAgain = IncludeDeleted.tables("PRODUCTS").get(orders::history);
      List<String> liveAgain = orders.history();

      assertThat(live).isEqualTo(LIVE_HISTORY);
      assertThat(withProducts).isEqualTo(WITH_DELETED_PRODUCTS);
      assertThat(withOrders).containsExactly("10:chair", "12:desk");
      // the local cache is in use: the same object comes back for the same query in the same scope
      assertThat(withProductsAgain).isSameAs(withProducts);
      assertThat(liveAgain).isSameAs(live);
    }
  }

  @Test
  void shouldShareTheLocalCacheWithOutsideForAQueryTheScopeCannotChange() {
    try (SqlSession session = factory.openSession()) {
      OrderHistoryMapper orders = session.getMapper(OrderHistoryMapper.class);

      List<String> outside = orders.productNames();
      List<String> inScopeOfOrders = IncludeDeleted.tables("orders").get(orders::productNames);

      assertThat(outside).containsExactly("chair", "desk");
      assertThat(inScopeOfOrders).isSameAs(outside);
    }
  }

  @ParameterizedTest(name = "six-argument caller outside: {0}")
  @ValueSource(booleans = {false, true})
  void shouldNotServeTheSecondLevelCacheOfAnotherScope(boolean sixArgCallerOutside) {
    SqlSessionFactory cached = factory(sixArgCallerOutside);
    Function<Function<CachedOrderHistoryMapper, List<String>>, List<String>> inNewSession = query -> {
      try (SqlSession session = cached.openSession()) {
        return query.apply(session.getMapper(CachedOrderHistoryMapper.class));
      }
    };
    List<String> live = inNewSession.apply(CachedOrderHistoryMapper::history);
    List<String> withProducts =
        IncludeDeleted.tables("products").get(() -> inNewSession.apply(CachedOrderHistoryMapper::history));
    // renamed behind MyBatis's back: only a query that misses the cache can see it
    db.execute("UPDATE products SET name = 'CHAIR' WHERE id = 1");

    List<String> liveFromCache = inNewSession.apply(CachedOrderHistoryMapper::history);
    List<String> withProductsFromCache =
        IncludeDeleted.tables("products").get(() -> inNewSession.apply(CachedOrderHistoryMapper::history));
    List<String> trashWithProducts = OnlyDeleted.get(() ->
        IncludeDeleted.tables("products").get(() -> inNewSession.apply(CachedOrderHistoryMapper::history)));

    assertThat(live).isEqualTo(LIVE_HISTORY);
    assertThat(withProducts).isEqualTo(WITH_DELETED_PRODUCTS);
    assertThat(liveFromCache).isEqualTo(LIVE_HISTORY);
    assertThat(withProductsFromCache).isEqualTo(WITH_DELETED_PRODUCTS);
    assertThat(trashWithProducts).containsExactly("12:desk", "13:lamp");
  }

  // ---------------------------------------------------------------- SoftDeleteScope

  @Test
  void shouldCarryTheScopeOfTablesToAnotherThread() throws Exception {
    pool = Executors.newSingleThreadExecutor();
    Callable<List<String>> history = this::history;
    SoftDeleteScope captured = OnlyDeleted.get(() -> IncludeDeleted.tables("products").get(SoftDeleteScope::current));

    List<String> there = pool.submit(captured.wrap(history)).get(10, TimeUnit.SECONDS);
    List<String> next = pool.submit(history).get(10, TimeUnit.SECONDS);
    List<String> propagated = IncludeDeleted.tables("products").get(() -> {
      try {
        return SoftDeleteScope.propagating(pool).submit(history).get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(captured.mode()).isEqualTo(SoftDeleteMode.ONLY_DELETED);
    assertThat(captured.tables().names()).containsExactly("products");
    assertThat(there).containsExactly("12:desk", "13:lamp");
    // the pooled thread carries nothing into its next task
    assertThat(next).isEqualTo(LIVE_HISTORY);
    assertThat(propagated).isEqualTo(WITH_DELETED_PRODUCTS);
  }

  @Test
  void shouldRunACapturedScopeAsCapturedNotAddedToTheRunningThreads() {
    SoftDeleteScope productsOnly = IncludeDeleted.tables("products").get(SoftDeleteScope::current);

    List<String> inside = IncludeDeleted.tables("orders").get(() -> productsOnly.get(this::history));
    List<String> none = IncludeDeleted.tables("products").get(() -> SoftDeleteScope.none().get(this::history));

    assertThat(inside).isEqualTo(WITH_DELETED_PRODUCTS);
    assertThat(none).isEqualTo(LIVE_HISTORY);
  }
}
