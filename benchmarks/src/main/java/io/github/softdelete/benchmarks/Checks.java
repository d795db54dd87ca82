package io.github.softdelete.benchmarks;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.List;

/**
 * Before a variant is timed, it must give the right answers: a benchmark of a filter that does not filter
 * would measure nothing. Runs untimed, in the setup of each benchmark.
 */
final class Checks {
  private Checks() {}

  /** The hand-written floor is what softdelete sends: else the database's work differs, not just ours. */
  static void floorIsWhatSoftdeleteSends() {
    SqlRewriter rewriter = EngineFactory.of("tables", "users:orders").rewriterWithoutDatabase(Dialect.H2);
    sameSql(rewriter, ShopMapper.USER, ShopMapper.USER_FILTERED);
    sameSql(rewriter, ShopMapper.JOIN, ShopMapper.JOIN_FILTERED);
    sameSql(rewriter, ShopMapper.DELETE, ShopMapper.DELETE_FILTERED);
  }

  private static void sameSql(SqlRewriter rewriter, String written, String floor) {
    String sent = rewriter.rewrite(jdbc(written), SoftDeleteMode.DEFAULT).sql();
    if (!sent.equals(jdbc(floor))) {
      throw new IllegalStateException("the floor differs from what softdelete sends; make ShopMapper's floor\n  "
          + jdbc(floor) + "\nread\n  " + sent);
    }
  }

  // MyBatis turns each #{...} into a ?
  private static String jdbc(String mapped) {
    return mapped.replaceAll("#\\{[^}]*}", "?");
  }

  static void selects(Variant variant, Variant.Calls calls, Shop shop) {
    floorIsWhatSoftdeleteSends();
    long live = 1;
    long deleted = 10;
    require(calls.pointSelect(live) != null, variant, "a live user is found");
    boolean filters = variant != Variant.PLAIN;
    require((calls.pointSelect(deleted) == null) == filters, variant, "a deleted user is hidden");
    long orderId = 1;
    long userId = Shop.userOfOrder(orderId);
    long liveOrders = shop.queryLong("SELECT COUNT(*) FROM orders WHERE user_id = " + userId
        + " AND deleted_at IS NULL");
    long allOrders = shop.queryLong("SELECT COUNT(*) FROM orders WHERE user_id = " + userId);
    List<UserOrder> rows = calls.join(orderId);
    require(rows.size() == (filters ? liveOrders : allOrders), variant,
        "the join returns the user's " + (filters ? "live" : "") + " orders, got " + rows.size());
    require(calls.untouchedSelect(7).equals("product7"), variant, "a product is found");
  }

  static void deletes(Variant variant, Variant.Calls calls, Shop shop) {
    floorIsWhatSoftdeleteSends();
    long live = 1;
    require(calls.deleteById(live) == 1, variant, "deleting a live user counts one row");
    require(shop.queryLong("SELECT COUNT(*) FROM users WHERE id = 1 AND deleted_at IS NOT NULL") == 1, variant,
        "the deleted user is marked, not erased");
    shop.restoreUser(live);
    require(calls.deleteById(10) == 0, variant, "deleting a deleted user counts nothing");
  }

  private static void require(boolean condition, Variant variant, String what) {
    if (!condition) {
      throw new IllegalStateException(variant + " is wrong: expected that " + what);
    }
  }
}
