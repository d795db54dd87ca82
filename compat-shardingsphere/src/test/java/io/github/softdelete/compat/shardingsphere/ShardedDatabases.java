package io.github.softdelete.compat.shardingsphere;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;

/**
 * One server's databases for a test class: the two shards behind a ShardingSphere DataSource, and the control
 * database with the same rows unsharded. Created empty when the class starts, dropped when it ends.
 */
final class ShardedDatabases implements AutoCloseable {
  final Server server;
  final DatabaseNames names;
  final DataSource sharded;
  final DataSource control;

  private ShardedDatabases(Server server, DatabaseNames names, DataSource sharded, DataSource control) {
    this.server = server;
    this.names = names;
    this.sharded = sharded;
    this.control = control;
  }

  /** Fresh databases with the tables (ShardingSphere reads their metadata when it starts) and no rows. */
  static ShardedDatabases create(Server server, DatabaseNames names) throws SQLException {
    try (Connection admin = server.admin(); Statement statement = admin.createStatement()) {
      for (int shard = 0; shard < Server.SHARDS; shard++) {
        server.recreateDatabase(statement, names.shard(shard));
      }
      server.recreateDatabase(statement, names.control());
    }
    for (int shard = 0; shard < Server.SHARDS; shard++) {
      try (Connection connection = server.connect(names.shard(shard))) {
        Tables.createActualTables(connection, shard);
      }
    }
    try (Connection connection = server.connect(names.control())) {
      Tables.createLogicalTables(connection);
      server.createLiveViews(connection, names);
    }
    PooledDataSource control = new PooledDataSource(server.driver, server.url(names.control()), server.user, "");
    return new ShardedDatabases(server, names, shardingSphere(server, names), control);
  }

  private static DataSource shardingSphere(Server server, DatabaseNames names) throws SQLException {
    String yaml = resource("/sharding.yaml")
        .replace("{{databaseName}}", names.prefix() + "_" + server.name().toLowerCase(Locale.ROOT))
        .replace("{{driver}}", server.driver)
        .replace("{{url0}}", server.url(names.shard(0)))
        .replace("{{url1}}", server.url(names.shard(1)))
        .replace("{{user}}", server.user)
        .replace("{{sqlShow}}", String.valueOf(Boolean.getBoolean("shardingsphere.sqlShow")));
    try {
      return YamlShardingSphereDataSourceFactory.createDataSource(yaml.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ShardedDatabases.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every table back to the rows of {@link Tables#INSERTS}: inserted through ShardingSphere and into the control. */
  void reset() throws SQLException {
    for (int shard = 0; shard < Server.SHARDS; shard++) {
      try (Connection connection = server.connect(names.shard(shard));
          Statement statement = connection.createStatement()) {
        for (String table : Tables.actualTables(shard).keySet()) {
          statement.execute("DELETE FROM " + table);
        }
      }
    }
    try (Connection connection = control.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : Tables.allLogical()) {
        statement.execute("DELETE FROM " + table);
      }
      for (String insert : Tables.INSERTS) {
        statement.execute(insert);
      }
    }
    try (Connection connection = sharded.getConnection(); Statement statement = connection.createStatement()) {
      for (String insert : Tables.INSERTS) {
        statement.execute(insert);
      }
    }
  }

  Connection shard(int index) {
    return server.connect(names.shard(index));
  }

  Connection liveViews() {
    return Servers.connect(server.liveViewsUrl(names), server.user);
  }

  @Override
  public void close() throws Exception {
    ((AutoCloseable) sharded).close();
    ((PooledDataSource) control).forceCloseAll();
    try (Connection admin = server.admin(); Statement statement = admin.createStatement()) {
      for (int shard = 0; shard < Server.SHARDS; shard++) {
        server.dropDatabase(statement, names.shard(shard));
      }
      server.dropDatabase(statement, names.control());
      if (server == Server.MARIADB) {
        server.dropDatabase(statement, names.live());
      }
    }
  }
}
