package io.github.softdelete.mybatis.catalog;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.sql.JdbcSchemas;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The soft tables of each database, from configuration or detected once per database. Thread-safe.
 */
public final class SoftTableCatalog {
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password|pwd)=[^;&]*");
  private static final Pattern USER_INFO = Pattern.compile("//([^/:@]*):[^/@]*@");

  private final String columns;
  private final TableMarkers markers;
  // known without metadata: configured tables with their markers set (or their built-in defaults)
  private final SoftTables configured;
  private final Map<Database, SoftTables> detected = new ConcurrentHashMap<>();

  public SoftTableCatalog(SoftDeleteConfig config) {
    this.markers = new TableMarkers(config);
    this.columns = String.join(":", markers.candidateColumns());
    this.configured = config.needsMetadata() ? null : markers.withoutMetadata();
  }

  /** Whether {@link #tablesFor} needs the connection: to detect tables, or to read marker columns' types. */
  public boolean needsConnection() {
    return configured == null;
  }

  /**
   * The soft tables of the connection's database, each with its marker; without touching the connection
   * when the configuration alone decides them.
   *
   * @throws SoftDeleteException when detection fails; it is tried again on the next call
   */
  public SoftTables tablesFor(Connection connection) {
    if (configured != null) {
      return configured;
    }
    Database database = databaseOf(connection);
    return detected.computeIfAbsent(database, d -> detect(connection, d));
  }

  private SoftTables detect(Connection connection, Database database) {
    try {
      ShardingSphere.refuseDetection(connection);
      return markers.fromMetadata(SoftTableDetector.markerColumns(connection, markers.candidateColumns()));
    } catch (SQLException e) {
      throw failure(database.url(), e);
    }
  }

  private Database databaseOf(Connection connection) {
    String url = null;
    try {
      DatabaseMetaData metaData = connection.getMetaData();
      url = metaData.getURL();
      return new Database(url, connection.getCatalog(), JdbcSchemas.currentSchema(connection));
    } catch (SQLException e) {
      throw failure(url, e);
    }
  }

  private SoftDeleteException failure(String url, SQLException cause) {
    String database = url == null ? "(URL unknown)" : "'" + redacted(url) + "'";
    return new SoftDeleteException("softdelete: could not detect the soft tables (tables with column '" + columns
        + "') of database " + database + ": " + cause.getMessage()
        + "; list them in property 'tables' to skip detection", cause);
  }

  // error messages end up in logs: keep the URL recognisable but drop credentials
  static String redacted(String url) {
    String withoutPassword = PASSWORD.matcher(url).replaceAll("$1=***");
    return USER_INFO.matcher(withoutPassword).replaceAll("//$1:***@");
  }

  /** One database as a connection sees it: same URL, catalog and schema, same soft tables. */
  private record Database(String url, String catalog, String schema) {}
}
