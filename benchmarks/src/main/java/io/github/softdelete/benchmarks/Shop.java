package io.github.softdelete.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;

/**
 * An H2 in-memory shop: 5,000 users and 50,000 orders, one in ten of each soft-deleted, and 1,000 products,
 * which are not soft-deletable. Users whose id ends in 0 and orders whose id ends in 3 are deleted.
 */
final class Shop implements AutoCloseable {
  static final int USERS = 5_000;
  static final int ORDERS = 50_000;
  static final int PRODUCTS = 1_000;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final PooledDataSource dataSource;

  private Shop(PooledDataSource dataSource) {
    this.dataSource = dataSource;
  }

  static Shop create() {
    String url = "jdbc:h2:mem:shop" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    Shop shop = new Shop(new PooledDataSource("org.h2.Driver", url, "sa", ""));
    shop.load();
    return shop;
  }

  DataSource dataSource() {
    return dataSource;
  }

  static boolean userDeleted(long id) {
    return id % 10 == 0;
  }

  static boolean orderDeleted(long id) {
    return id % 10 == 3;
  }

  static long userOfOrder(long orderId) {
    return orderId % USERS + 1;
  }

  /** Live user ids, in an order that does not walk the index sequentially. */
  static long[] liveUserIds() {
    return shuffledIds(USERS, id -> !userDeleted(id));
  }

  /** Live orders of live users: the join returns one user and their live orders. */
  static long[] liveOrderIdsOfLiveUsers() {
    return shuffledIds(ORDERS, id -> !orderDeleted(id) && !userDeleted(userOfOrder(id)));
  }

  static long[] productIds() {
    return shuffledIds(PRODUCTS, id -> true);
  }

  private static long[] shuffledIds(int count, java.util.function.LongPredicate keep) {
    long[] ids = java.util.stream.LongStream.rangeClosed(1, count).filter(keep).toArray();
    java.util.Random random = new java.util.Random(42);
    for (int i = ids.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = ids[i];
      ids[i] = ids[j];
      ids[j] = t;
    }
    return ids;
  }

  /** Undoes a soft delete behind MyBatis's back: the benchmarks run this untimed. */
  void restoreUser(long id) {
    execute("UPDATE users SET deleted_at = NULL WHERE id = " + id);
  }

  long queryLong(String sql) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Each row's columns, joined by {@code /} ({@code null} for SQL NULL). */
  java.util.List<String> queryRows(String sql) {
    java.util.List<String> rows = new java.util.ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "/" : "").append(rs.getObject(i));
        }
        rows.add(row.toString());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return rows;
  }

  private void execute(String sql) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void load() {
    execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL, email VARCHAR(100) NOT NULL,"
        + " deleted_at TIMESTAMP)");
    execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, amount INT NOT NULL,"
        + " status VARCHAR(20) NOT NULL, deleted_at TIMESTAMP)");
    execute("CREATE INDEX orders_user ON orders (user_id)");
    execute("CREATE TABLE products (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL, price INT NOT NULL)");
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement users = connection.prepareStatement("INSERT INTO users VALUES (?, ?, ?, ?)")) {
        for (long id = 1; id <= USERS; id++) {
          users.setLong(1, id);
          users.setString(2, "user" + id);
          users.setString(3, "user" + id + "@example.com");
          users.setTimestamp(4, userDeleted(id) ? java.sql.Timestamp.valueOf("2026-01-01 00:00:00") : null);
          users.addBatch();
        }
        users.executeBatch();
      }
      try (PreparedStatement orders = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
        for (long id = 1; id <= ORDERS; id++) {
          orders.setLong(1, id);
          orders.setLong(2, userOfOrder(id));
          orders.setInt(3, (int) (id * 7 % 500));
          orders.setString(4, id % 3 == 0 ? "SHIPPED" : "OPEN");
          orders.setTimestamp(5, orderDeleted(id) ? java.sql.Timestamp.valueOf("2026-01-01 00:00:00") : null);
          orders.addBatch();
        }
        orders.executeBatch();
      }
      try (PreparedStatement products = connection.prepareStatement("INSERT INTO products VALUES (?, ?, ?)")) {
        for (long id = 1; id <= PRODUCTS; id++) {
          products.setLong(1, id);
          products.setString(2, "product" + id);
          products.setInt(3, (int) (id % 100));
          products.addBatch();
        }
        products.executeBatch();
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    execute("SHUTDOWN");
    dataSource.forceCloseAll();
  }
}
