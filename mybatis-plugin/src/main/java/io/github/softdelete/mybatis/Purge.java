package io.github.softdelete.mybatis;

import io.github.softdelete.mybatis.catalog.Relations;
import io.github.softdelete.mybatis.purge.Purger;
import io.github.softdelete.mybatis.purge.PurgeSettings;
import io.github.softdelete.mybatis.purge.TableOrder;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Physically removes soft-deleted rows whose deletion is older than a retention period, optionally copying
 * them first into an archive table. Plain JDBC: no MyBatis, no interceptor.
 *
 * <pre>{@code
 * PurgeReport report = Purge.builder()
 *     .tables("documents", "users")
 *     .olderThan(Duration.ofDays(30))
 *     .archiveSuffix("_archive")        // documents -> documents_archive, users -> users_archive
 *     .batchSize(500)
 *     .build()
 *     .run(dataSource);
 * }</pre>
 *
 * <p>Rows go in batches of {@link Builder#batchSize(int)} primary keys, each batch in one transaction that
 * copies the rows into the archive and deletes exactly the rows whose copy it finds there. A crash or a kill
 * at any moment rolls back the batch in flight; a second run picks up where the first stopped, and every
 * row ends up exactly once, in the table or in the archive. Every table, column and archive table is
 * checked before the first row is touched.
 */
public final class Purge {
  private static final Pattern LITERAL = Pattern.compile("(?i)NULL|TRUE|FALSE|-?[0-9]+(\\.[0-9]+)?|'[^']*'");

  private final PurgeSettings settings;
  private final PurgeListener listener;

  private Purge(PurgeSettings settings, PurgeListener listener) {
    this.settings = settings;
    this.listener = listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Purges through one connection of {@code dataSource}, committing once per batch. On a ShardingSphere-JDBC
   * DataSource the tables are its logical tables: each actual table of each is purged in the database that holds
   * it, through that database's own connection (see docs/database-support.md, "Purge of a sharded deployment").
   *
   * @throws PurgeException for a bad table, column or archive table (before anything changes), a ShardingSphere
   *     deployment whose databases and actual tables it cannot tell for certain (before anything changes), or a
   *     database error (the batch in flight is rolled back)
   */
  public PurgeReport run(DataSource dataSource) {
    return new Purger(settings, listener).run(dataSource::getConnection);
  }

  /** Purges through a connection opened with {@link DriverManager}; see {@link #run(DataSource)}. */
  public PurgeReport run(String jdbcUrl, String user, String password) {
    return new Purger(settings, listener).run(() -> DriverManager.getConnection(jdbcUrl, user, password));
  }

  /** The settings this purge runs with, as the command line would print them. */
  @Override
  public String toString() {
    return settings.toString();
  }

  /** Options of a purge; {@link #tables} and {@link #olderThan} are required. */
  public static final class Builder {
    private final List<String> tables = new ArrayList<>();
    private Duration retention;
    private String archiveSuffix;
    private int batchSize = 500;
    private boolean dryRun;
    private String column = "deleted_at";
    private String liveValue = "NULL";
    private String deletedAtColumn;
    private PurgeListener listener = new PurgeListener() {};
    private List<Cascade> cascades = List.of();
    private SoftDeleteConfig config;
    private boolean orderByForeignKeys;
    private final Map<String, String> deletedAtColumns = new HashMap<>();

    private Builder() {}

    /** The tables to purge, in the order given, children before parents ({@code table} or {@code schema.table}). */
    public Builder tables(String... names) {
      return tables(List.of(names));
    }

    /** The tables to purge, in the order given ({@code table} or {@code schema.table}). */
    public Builder tables(List<String> names) {
      tables.addAll(names);
      return this;
    }

    /** Rows deleted longer ago than this are purged; {@link Duration#ZERO} purges every deleted row. */
    public Builder olderThan(Duration retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /**
     * Copies each row into {@code <table><suffix>} before deleting it. The archive table must exist, with
     * every column of the table and a column {@code archived_at} (a timestamp).
     */
    public Builder archiveSuffix(String suffix) {
      this.archiveSuffix = suffix;
      return this;
    }

    /** Primary keys per batch, and so per transaction (default 500). */
    public Builder batchSize(int size) {
      this.batchSize = size;
      return this;
    }

    /** Counts what would be purged and changes nothing. */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /**
     * The marker column, its live value and the declared cascades of the interceptor's own configuration, so
     * that the purge reads the rows as the interceptor marks them; later calls may override each.
     */
    public Builder config(SoftDeleteConfig config) {
      // per-table markers and candidates: each table reads its own marker, as the interceptor does
      this.config = config;
      this.orderByForeignKeys = Relations.detects(config);
      return column(config.column()).liveValue(config.liveValue()).cascades(config.cascades());
    }

    /** The marker column (default {@code deleted_at}), as for the interceptor. */
    public Builder column(String column) {
      this.column = column;
      return this;
    }

    /**
     * The marker value of live rows (default {@code NULL}): a literal, {@code NULL}, {@code TRUE},
     * {@code FALSE}, a number or a {@code '...'} string.
     */
    public Builder liveValue(String liveValue) {
      this.liveValue = liveValue;
      return this;
    }

    /**
     * The timestamp column that tells when a row was deleted; default: the marker column itself, which must
     * then be a timestamp. Needed when the marker is a flag or a deletion token.
     */
    public Builder deletedAtColumn(String column) {
      this.deletedAtColumn = column;
      return this;
    }

    /**
     * The timestamp column of one table that tells when a row was deleted, for a table whose marker is a flag
     * (overrides {@link #deletedAtColumn(String)} for that table).
     */
    public Builder deletedAtColumn(String table, String column) {
      deletedAtColumns.put(table.strip().toLowerCase(Locale.ROOT), column);
      return this;
    }

    /**
     * The declared cascades (as in {@link SoftDeleteConfig#cascades()}): a child table is then purged before
     * its parent, whatever the order given, so that its foreign key never holds the parent's rows back.
     */
    public Builder cascades(List<Cascade> cascades) {
      this.cascades = List.copyOf(cascades);
      return this;
    }

    /**
     * Whether the run also puts children before their parents by every foreign key between the tables, read on
     * its connection: what {@code cascade=detect} and {@code restrict=detect} in {@link #config} turn on.
     */
    public Builder orderByForeignKeys(boolean order) {
      this.orderByForeignKeys = order;
      return this;
    }

    /** Told of each table started, batch committed and table finished (e.g. to draw a progress bar). */
    public Builder listener(PurgeListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @throws PurgeException naming the option, for a missing or bad one
     */
    public Purge build() {
      if (tables.isEmpty()) {
        throw new PurgeException("softdelete purge: no tables given");
      }
      for (String table : tables) {
        if (table == null || table.isBlank()) {
          throw new PurgeException("softdelete purge: empty table name in " + tables);
        }
      }
      if (retention == null) {
        throw new PurgeException("softdelete purge: no retention given (olderThan)");
      }
      if (retention.isNegative()) {
        throw new PurgeException("softdelete purge: retention " + retention + " is negative");
      }
      if (batchSize <= 0) {
        throw new PurgeException("softdelete purge: batch size " + batchSize + " is not a whole number of at least 1");
      }
      if (liveValue == null || !LITERAL.matcher(liveValue.strip()).matches()) {
        throw new PurgeException("softdelete purge: live value '" + liveValue
            + "' is not a literal (NULL, TRUE, FALSE, a number or a '...' string)");
      }
      if (archiveSuffix != null && archiveSuffix.isBlank()) {
        throw new PurgeException("softdelete purge: archive suffix is blank");
      }
      String live = liveValue.strip();
      List<String> ordered = TableOrder.childrenFirst(cascades).apply(List.copyOf(tables));
      Map<String, PurgeSettings.Marker> markers = new HashMap<>();
      for (String table : ordered) {
        markers.put(table, markerOf(table, live));
      }
      PurgeSettings settings = new PurgeSettings(ordered, retention, archiveSuffix, batchSize, dryRun,
          column, live.equalsIgnoreCase("NULL") ? null : live,
          deletedAtColumn == null ? column : deletedAtColumn, markers, cascades, orderByForeignKeys);
      return new Purge(settings, listener);
    }

    private PurgeSettings.Marker markerOf(String table, String live) {
      String deletedAt = deletedAtColumns.getOrDefault(table.strip().toLowerCase(Locale.ROOT), deletedAtColumn);
      int dot = table.lastIndexOf('.');
      String schema = dot < 0 ? null : table.substring(0, dot).strip();
      String name = table.substring(dot + 1).strip();
      boolean own = config != null && config.tableMarkers().stream().anyMatch(t -> t.names(schema, name));
      if (!own && (config == null || config.columns().size() == 1)) {
        return new PurgeSettings.Marker(List.of(column), live, deletedAt);
      }
      TableMarker marker = config.markerFor(schema, name);
      if (marker.liveValue() != null && !LITERAL.matcher(marker.liveValue().strip()).matches()) {
        throw new PurgeException("softdelete purge: live value '" + marker.liveValue() + "' of table '" + table
            + "' is not a literal (NULL, TRUE, FALSE, a number or a '...' string)");
      }
      return new PurgeSettings.Marker(marker.columns(), marker.liveValue(), deletedAt);
    }
  }
}
