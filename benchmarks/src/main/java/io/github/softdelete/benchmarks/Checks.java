package io.github.softdelete.benchmarks;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.ibatis.session.Configuration;

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

  private static void require(boolean condition, Object variant, String what) {
    if (!condition) {
      throw new IllegalStateException(variant + " is wrong: expected that " + what);
    }
  }

  /** As {@link #floorIsWhatSoftdeleteSends()} for the foreach join, as MyBatis renders it (whitespace aside). */
  static void foreachFloorIsWhatSoftdeleteSends(Configuration configuration) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("ids", List.of(1L, 2L, 3L));
    sameRenderedSql(configuration, ForeachMapper.class.getName(), "join", parameters);
  }

  /** As {@link #floorIsWhatSoftdeleteSends()} for the {@code ${}} point select, as MyBatis renders it. */
  static void literalFloorIsWhatSoftdeleteSends(Configuration configuration) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("id", 7L);
    sameRenderedSql(configuration, LiteralMapper.class.getName(), "user", parameters);
  }

  private static void sameRenderedSql(Configuration configuration, String mapper, String statement,
      Map<String, Object> parameters) {
    String written = configuration.getMappedStatement(mapper + "." + statement).getBoundSql(parameters).getSql();
    String floor = configuration.getMappedStatement(mapper + "." + statement + "Filtered").getBoundSql(parameters)
        .getSql();
    SqlRewriter rewriter = EngineFactory.of("tables", "users:orders").rewriterWithoutDatabase(Dialect.H2);
    String sent = rewriter.rewrite(written, SoftDeleteMode.DEFAULT).sql();
    if (!spaced(sent).equals(spaced(floor))) {
      throw new IllegalStateException("the floor differs from what softdelete sends; make " + mapper + "."
          + statement + "Filtered read\n  " + sent + "\nnot\n  " + floor);
    }
  }

  // the database reads "( ? , ? )" and "(?, ?)" alike: MyBatis's foreach renders the one, the rewrite prints the other
  private static String spaced(String sql) {
    return sql.strip().replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
  }

  /**
   * The foreach join of a storm engine returns exactly the rows of the hand-filtered SQL, live users with their
   * live orders and no deleted row, for lists with deleted users and users whose orders are all deleted, of
   * lengths from 1 to 300, twice over (the second time from the engine's caches), while the same SQL without the
   * filter returns deleted rows: a check that would pass without filtering would check nothing.
   */
  static void foreachJoin(StormEngine engine, Function<List<Long>, List<UserOrder>> join, Shop shop) {
    List<List<Long>> lists = List.of(List.of(10L), List.of(4L, 10L), range(1, 7), range(1, 300), range(2, 8));
    for (int pass = 0; pass < 2; pass++) {
      for (List<Long> ids : lists) {
        List<String> rows = new ArrayList<>();
        for (UserOrder row : join.apply(ids)) {
          require(!Shop.userDeleted(row.getUserId()), engine, "no deleted user is returned, got " + row.getUserId());
          require(row.getOrderId() == null || !Shop.orderDeleted(row.getOrderId()), engine,
              "no deleted order is returned, got " + row.getOrderId());
          rows.add(row.getUserId() + "/" + row.getOrderId());
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        List<String> expected = shop.queryRows("SELECT u.id, o.id FROM users u LEFT JOIN orders o"
            + " ON o.user_id = u.id AND o.deleted_at IS NULL WHERE u.id IN (" + in + ") AND u.deleted_at IS NULL");
        List<String> unfiltered = shop.queryRows("SELECT u.id, o.id FROM users u LEFT JOIN orders o"
            + " ON o.user_id = u.id WHERE u.id IN (" + in + ")");
        require(!sorted(unfiltered).equals(sorted(expected)), engine, "the check list (" + ids.size()
            + " ids) has deleted rows to hide");
        require(sorted(rows).equals(sorted(expected)), engine, "the join of " + ids.size()
            + " ids returns the hand-filtered rows " + sorted(expected) + ", got " + sorted(rows));
      }
    }
  }

  /**
   * The {@code ${}} point select of a storm engine finds each live user and no deleted one, twice over, as the
   * hand-filtered SQL does, while the same SQL without the filter finds the deleted ones.
   */
  static void literalSelect(StormEngine engine, LongFunction<User> select, Shop shop) {
    long[] ids = {1, 10, 4, 20, 3333, 4990, 5000};
    for (int pass = 0; pass < 2; pass++) {
      for (long id : ids) {
        User user = select.apply(id);
        long live = shop.queryLong("SELECT COUNT(*) FROM users WHERE id = " + id + " AND deleted_at IS NULL");
        long all = shop.queryLong("SELECT COUNT(*) FROM users WHERE id = " + id);
        require(all == 1, engine, "user " + id + " exists");
        require((user != null) == (live == 1), engine, "user " + id + (live == 1 ? " is found" : " is hidden"));
        require(user == null || (user.getId() == id && user.getName().equals("user" + id)), engine,
            "the select finds user " + id);
      }
    }
    require(LongStream.of(ids).anyMatch(Shop::userDeleted), engine, "the check has deleted users to hide");
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }
}
