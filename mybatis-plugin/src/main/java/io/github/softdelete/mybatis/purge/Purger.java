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
import java.util.List;

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

  public PurgeReport run(ConnectionSource source) {
    String current = null;
    try (Connection connection = source.open()) {
      Catalog catalog = new Catalog(connection);
      List<PurgeTarget> targets = new ArrayList<>();
      List<String> tables = settings.orderByForeignKeys()
          ? ForeignKeyOrder.childrenFirst(connection, settings.tables(), settings.cascades()) : settings.tables();
      for (String table : tables) {
        current = table;
        targets.add(PurgeTarget.resolve(catalog, table, settings));
      }
      LocalDateTime cutoff = now(connection).minus(settings.retention());
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        List<PurgeReport.Table> reports = new ArrayList<>();
        for (PurgeTarget target : targets) {
          current = target.name();
          reports.add(purge(connection, target, new PurgeSql(target, catalog::quoted, target.liveValue(),
              catalog.skipsLockedRows()), cutoff));
        }
        return new PurgeReport(settings.dryRun(), cutoff, reports);
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new PurgeException("softdelete purge: database error" + (current == null ? "" : " on table '" + current
          + "'") + ": " + e.getMessage() + " (committed batches stay purged; the batch in flight was rolled back)", e);
    }
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
