package io.github.softdelete.mybatis.catalog;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** STAND-IN for the config helper's class, so that the glue compiles: drop it when theirs is merged. */
public final class SoftTableCatalog {
  private final SoftDeleteConfig config;
  private final SoftTables configured;
  private final Map<String, SoftTables> detected = new ConcurrentHashMap<>();

  public SoftTableCatalog(SoftDeleteConfig config) {
    this.config = config;
    this.configured = config.detectTables() ? null : SoftTables.of(config.tables());
  }

  public SoftTables tablesFor(Connection connection) throws SQLException {
    if (configured != null) {
      return configured;
    }
    DatabaseMetaData meta = connection.getMetaData();
    String key = meta.getURL() + "|" + connection.getCatalog();
    SoftTables tables = detected.get(key);
    if (tables == null) {
      List<String> names = new ArrayList<>();
      try (ResultSet columns = meta.getColumns(connection.getCatalog(), null, "%", "%")) {
        while (columns.next()) {
          if (columns.getString("COLUMN_NAME").equalsIgnoreCase(config.column())) {
            names.add(columns.getString("TABLE_NAME"));
          }
        }
      }
      tables = SoftTables.of(names);
      detected.putIfAbsent(key, tables);
      tables = detected.get(key);
    }
    return tables;
  }
}
