package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.PurgeException;
import io.github.softdelete.mybatis.PurgeListener;
import io.github.softdelete.mybatis.PurgeReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one purge on one connection: checks every table first, fixes the cut-off once, then purges table by
 * table in batches, one transaction per batch (lock the batch's keys, copy, delete what was copied, commit).
 */
public final class Purger {
  private final PurgeSettings settings;
  private final PurgeListener listener;
  private final PausePoint pause;
  private long batchNumber;

  public Purger(PurgeSettings settings, PurgeListener listener) {
    this.settings = settings;
    this.listener = listener;
    this.pause = PausePoint.fromSystemProperty(System.out);
  }

  /** Opens the connection the purge runs on. */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection open() throws SQLException;
  }

  /**
   * Purges through one connection of {@code source}; when it is a ShardingSphere-JDBC connection, through a
   * connection of each of its databases instead, every actual table of each logical table given.
   */
  public PurgeReport run(ConnectionSource source) {
    try (Connection connection = source.open()) {
      Optional<ShardingSphereNodes> shardingSphere = ShardingSphereNodes.of(connection);
      if (shardingSphere.isPresent()) {
        if (settings.orderByForeignKeys()) {
          // its metadata answers from one database, with actual table names: no key can be read for certain
          throw new PurgeException("softdelete purge: cascade=detect reads foreign keys, which a ShardingSphere-JDBC"
              + " DataSource cannot show for certain; list the tables children first, or declare the cascades");
        }
        return runOnEachShard(shardingSphere.get());
      }
      List<String> names = settings.orderByForeignKeys()
          ? ForeignKeyOrder.childrenFirst(connection, settings.tables(), settings.cascades()) : settings.tables();
      List<TableRef> tables = names.stream().map(t -> TableRef.of(t, settings.archiveSuffix())).toList();
      return purge(tables.stream().map(t -> new Step(connection, t)).toList());
    } catch (SQLException e) {
      throw databaseError(null, e);
    }
  }

  /**
   * Each logical table's actual tables in turn, on the storage unit that holds each (so children stay before
   * their parents in every database), through one connection per storage unit.
   */
  private PurgeReport runOnEachShard(ShardingSphereNodes shardingSphere) throws SQLException {
    Map<String, Connection> connections = new LinkedHashMap<>();
    try {
      List<Step> steps = new ArrayList<>();
      for (String table : settings.tables()) {
        for (ShardingSphereNodes.Node node : shardingSphere.nodes(table)) {
          ShardingSphereNodes.Node archive = settings.archiveSuffix() == null ? null
              : shardingSphere.archiveOf(table, node, table.strip() + settings.archiveSuffix().strip(),
                  settings.archiveSuffix().strip());
          Connection connection = connections.get(node.dataSource());
          if (connection == null) {
            connection = shardingSphere.dataSource(node).getConnection();
            connections.put(node.dataSource(), connection);
          }
          steps.add(new Step(connection, TableRef.ofNode(table, node, archive)));
        }
      }
      return purge(steps);
    } finally {
      SQLException failure = null;
      for (Connection connection : connections.values()) {
        try {
          connection.close();
        } catch (SQLException e) {
          failure = failure == null ? e : failure;
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** One table of one database, and the connection to that database. */
  private record Step(Connection connection, TableRef table) {}

  /** Checks every table of every step, then purges them in order; each database's cut-off by its own clock. */
  private PurgeReport purge(List<Step> steps) {
    String current = null;
    Map<Connection, Catalog> catalogs = new LinkedHashMap<>();
    Map<Connection, Boolean> autoCommits = new LinkedHashMap<>();
    try {
      List<PurgeTarget> targets = new ArrayList<>();
      for (Step step : steps) {
        current = step.table().name();
        Catalog catalog = catalogs.get(step.connection());
        if (catalog == null) {
          catalog = new Catalog(step.connection());
          catalogs.put(step.connection(), catalog);
        }
        targets.add(PurgeTarget.resolve(catalog, step.table(), settings));
      }
      Map<Connection, LocalDateTime> cutoffs = new LinkedHashMap<>();
      for (Connection connection : catalogs.keySet()) {
        cutoffs.put(connection, now(connection).minus(settings.retention()));
      }
      for (Connection connection : catalogs.keySet()) {
        autoCommits.put(connection, connection.getAutoCommit());
        connection.setAutoCommit(false);
      }
      List<PurgeReport.Table> reports = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        Connection connection = steps.get(i).connection();
        PurgeTarget target = targets.get(i);
        Catalog catalog = catalogs.get(connection);
        current = target.name();
        reports.add(purge(connection, target, new PurgeSql(target, catalog::quoted, target.liveValue(),
            catalog.skipsLockedRows()), cutoffs.get(connection)));
      }
      // several databases: the first one's, which the others' differ from only by their clocks' difference
      return new PurgeReport(settings.dryRun(), cutoffs.values().iterator().next(), reports);
    } catch (SQLException e) {
      throw databaseError(current, e);
    } finally {
      for (Map.Entry<Connection, Boolean> autoCommit : autoCommits.entrySet()) {
        try {
          autoCommit.getKey().setAutoCommit(autoCommit.getValue());
        } catch (SQLException e) {
          // the connection is closed next; the purge's own outcome is what the caller needs
        }
      }
    }
  }

  private static PurgeException databaseError(String table, SQLException e) {
    return new PurgeException("softdelete purge: database error" + (table == null ? "" : " on table '" + table
        + "'") + ": " + e.getMessage() + " (committed batches stay purged; the batch in flight was rolled back)", e);
  }

  /** The database's clock, in the time zone its timestamps are written in. */
  private static LocalDateTime now(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT LOCALTIMESTAMP");
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getObject(1, LocalDateTime.class);
    }
  }

  private PurgeReport.Table purge(Connection connection, PurgeTarget target, PurgeSql sql, LocalDateTime cutoff)
      throws SQLException {
    long total = count(connection, sql, cutoff);
    connection.commit();
    listener.tableStarted(target.name(), total);
    if (settings.dryRun()) {
      long batches = (total + settings.batchSize() - 1) / settings.batchSize();
      listener.tableFinished(target.name(), total);
      return new PurgeReport.Table(target.name(), target.archiveName(), total, batches);
    }
    long done = 0;
    long batches = 0;
    while (true) {
      List<Object[]> keys = nextBatch(connection, sql, cutoff);
      if (keys.isEmpty()) {
        connection.commit();
        break;
      }
      long number = ++batchNumber;
      try {
        if (target.archive() != null) {
          update(connection, sql.copy(keys.size()), keys, cutoff);
        }
        int deleted = update(connection, sql.delete(keys.size()), keys, cutoff);
        if (deleted == 0) {
          throw new PurgeException("softdelete purge: batch " + number + " of table '" + target.name()
              + "' deleted none of its " + keys.size() + " rows; stopped rather than loop");
        }
        pause.reached(PausePoint.Stage.BEFORE_COMMIT, number);
        connection.commit();
        done += deleted;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
      batches++;
      listener.batchCommitted(target.name(), done, Math.max(total, done));
      pause.reached(PausePoint.Stage.AFTER_COMMIT, number);
    }
    listener.tableFinished(target.name(), done);
    return new PurgeReport.Table(target.name(), target.archiveName(), done, batches);
  }

  private static long count(Connection connection, PurgeSql sql, LocalDateTime cutoff) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql.count())) {
      statement.setObject(1, cutoff);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private List<Object[]> nextBatch(Connection connection, PurgeSql sql, LocalDateTime cutoff) throws SQLException {
    List<Object[]> keys = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql.nextBatch(settings.batchSize()))) {
      statement.setObject(1, cutoff);
      try (ResultSet rs = statement.executeQuery()) {
        int width = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] key = new Object[width];
          for (int i = 0; i < width; i++) {
            key[i] = rs.getObject(i + 1);
          }
          keys.add(key);
        }
      }
    }
    return keys;
  }

  private static int update(Connection connection, String sql, List<Object[]> keys, LocalDateTime cutoff)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (Object[] key : keys) {
        for (Object part : key) {
          statement.setObject(index++, part);
        }
      }
      statement.setObject(index, cutoff);
      return statement.executeUpdate();
    }
  }
}
