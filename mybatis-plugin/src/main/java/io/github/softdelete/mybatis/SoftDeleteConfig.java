package io.github.softdelete.mybatis;

import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The options of softdelete: one immutable value, validated when it is built.
 *
 * <p>The same keys are read from the plugin's {@code <property>} elements, from agent options and from
 * {@code -Dsoftdelete.<key>} system properties. For each key the first non-blank value wins: the given
 * {@link Properties}, then the system property {@code softdelete.<key>}, then the default.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code column}</td><td>{@code deleted_at}</td><td>the marker column, or candidates separated by
 *       colons: each table's marker is the first it has (found through JDBC metadata)</td></tr>
 *   <tr><td>{@code tables}</td><td>(detect)</td><td>soft tables, separated by commas or colons; unset:
 *       every table that has {@code column}</td></tr>
 *   <tr><td>{@code liveValue}</td><td>(by type)</td><td>marker value of live rows</td></tr>
 *   <tr><td>{@code deletedValue}</td><td>(by type)</td><td>SQL expression written on delete</td></tr>
 *   <tr><td>{@code cacheSize}</td><td>{@code 10000}</td><td>most rewrites cached per mode</td></tr>
 *   <tr><td>{@code onUnparseableSelect}</td><td>{@code fail}</td><td>{@code warn} lets a SELECT the parser
 *       cannot read run unchanged, with a warning</td></tr>
 *   <tr><td>{@code parseTimeoutMillis}</td><td>{@code 5000}</td><td>longest time the parser may take over
 *       one statement before it is refused as unreadable</td></tr>
 *   <tr><td>{@code deletedByColumn}</td><td>(none)</td><td>column written with who deleted the row</td></tr>
 *   <tr><td>{@code deleteReasonColumn}</td><td>(none)</td><td>column written with why</td></tr>
 *   <tr><td>{@code deletedBySupplier}</td><td>(none)</td><td>class implementing {@link DeletedBySupplier}</td></tr>
 *   <tr><td>{@code cascade}</td><td>(none)</td><td>relations {@code child.fk->parent.key}, separated by commas
 *       or colons; the item {@code detect} adds those of each database's {@code ON DELETE CASCADE} foreign
 *       keys</td></tr>
 *   <tr><td>{@code restrict}</td><td>(none)</td><td>relations {@code child.fk->parent.key} whose live children
 *       refuse a DELETE of their parent, and whose deleted parent refuses a restore of the child; the item
 *       {@code detect} adds those of each database's {@code RESTRICT} and {@code NO ACTION} foreign keys</td></tr>
 *   <tr><td>{@code mode}</td><td>{@code enforce}</td><td>{@code observe} rewrites nothing and logs what it
 *       would rewrite or refuse</td></tr>
 *   <tr><td>{@code explicitMarker}</td><td>{@code respect}</td><td>{@code filter} adds the automatic predicate
 *       even where the statement constrains the marker itself</td></tr>
 *   <tr><td>{@code onDeleteSet}</td><td>(none)</td><td>further assignments of the UPDATE that marks a row,
 *       {@code col = expr} separated by commas or colons</td></tr>
 *   <tr><td>{@code onRestoreSet}</td><td>(none)</td><td>the same for the UPDATE that restores a row</td></tr>
 *   <tr><td>{@code restoreAudit}</td><td>{@code clear}</td><td>{@code keep}: a restore leaves who and why
 *       as they were</td></tr>
 *   <tr><td>{@code verifyOnStartup}</td><td>{@code off}</td><td>{@code warn} or {@code fail}: check every mapped
 *       statement when the interceptor first meets a MyBatis configuration</td></tr>
 *   <tr><td>{@code table.<name>.column}, {@code .liveValue}, {@code .deletedValue}, {@code .deletedByColumn},
 *       {@code .deleteReasonColumn}, {@code .onDeleteSet}, {@code .onRestoreSet}</td><td>(the global key)</td><td>the marker of one table ({@code table} or
 *       {@code schema.table}), which these keys make soft</td></tr>
 * </table>
 *
 * <p>Values set nowhere follow the marker column's JDBC type where metadata is read (detection, candidates,
 * a table's own column): date/time {@code NULL}/{@code CURRENT_TIMESTAMP}, boolean {@code FALSE}/{@code TRUE},
 * integer {@code 0}/{@code 1}. Where it is not read, they are {@code NULL}/{@code CURRENT_TIMESTAMP}.
 */
public final class SoftDeleteConfig {
  static final String SYSTEM_PREFIX = ConfigSource.SYSTEM_PREFIX;
  static final String COLUMN = "column";
  static final String TABLES = "tables";
  static final String LIVE_VALUE = "liveValue";
  static final String DELETED_VALUE = "deletedValue";
  static final String CACHE_SIZE = "cacheSize";
  static final String ON_UNPARSEABLE_SELECT = "onUnparseableSelect";
  static final String PARSE_TIMEOUT_MILLIS = "parseTimeoutMillis";
  static final String MODE = "mode";
  static final String DELETED_BY_COLUMN = "deletedByColumn";
  static final String DELETE_REASON_COLUMN = "deleteReasonColumn";
  static final String DELETED_BY_SUPPLIER = "deletedBySupplier";
  static final String CASCADE = "cascade";
  static final String RESTRICT = "restrict";
  static final String EXPLICIT_MARKER = "explicitMarker";
  static final String ON_DELETE_SET = "onDeleteSet";
  static final String ON_RESTORE_SET = "onRestoreSet";
  static final String RESTORE_AUDIT = "restoreAudit";
  static final String VERIFY_ON_STARTUP = "verifyOnStartup";
  static final List<String> KEYS = List.of(COLUMN, TABLES, LIVE_VALUE, DELETED_VALUE, CACHE_SIZE,
      ON_UNPARSEABLE_SELECT, PARSE_TIMEOUT_MILLIS, MODE, DELETED_BY_COLUMN, DELETE_REASON_COLUMN, DELETED_BY_SUPPLIER, CASCADE,
      RESTRICT, EXPLICIT_MARKER, ON_DELETE_SET, ON_RESTORE_SET, RESTORE_AUDIT, VERIFY_ON_STARTUP);

  private static final String NULL = ConfigValues.NULL;
  static final String DEFAULT_DELETED_VALUE = "CURRENT_TIMESTAMP";

  private static final SoftDeleteConfig DEFAULTS =
      new SoftDeleteConfig(List.of("deleted_at"), List.of(), null, null, 10_000, false, 5_000, null, null,
          null, List.of(), false, true, List.of(), null, null, false, List.of(), VerifyOnStartup.OFF, false, false);

  private final List<String> columns;
  private final List<String> tables;
  // null: not set (the column's type decides, or the built-in NULL / CURRENT_TIMESTAMP)
  private final String liveValue;
  private final String deletedValue;
  private final int cacheSize;
  private final boolean warnOnUnparseableSelect;
  private final int parseTimeoutMillis;
  private final String deletedByColumn;
  private final String deleteReasonColumn;
  private final DeletedBySupplier deletedBySupplier;
  private final List<Cascade> cascades;
  private final List<Cascade> restricts;
  private final boolean observe;
  private final boolean respectExplicitMarkers;
  private final List<TableMarker> tableMarkers;
  private final String onDeleteSet;
  private final String onRestoreSet;
  private final boolean keepAuditOnRestore;
  private final VerifyOnStartup verifyOnStartup;
  private final boolean detectCascades;
  private final boolean detectRestricts;

  SoftDeleteConfig(List<String> columns, List<String> tables, String liveValue, String deletedValue,
      int cacheSize, boolean warnOnUnparseableSelect, int parseTimeoutMillis, String deletedByColumn,
      String deleteReasonColumn, DeletedBySupplier deletedBySupplier, List<Cascade> cascades, boolean observe,
      boolean respectExplicitMarkers, List<TableMarker> tableMarkers, String onDeleteSet, String onRestoreSet,
      boolean keepAuditOnRestore, List<Cascade> restricts, VerifyOnStartup verifyOnStartup, boolean detectCascades,
      boolean detectRestricts) {
    this.restricts = restricts;
    this.detectCascades = detectCascades;
    this.detectRestricts = detectRestricts;
    this.onDeleteSet = onDeleteSet;
    this.onRestoreSet = onRestoreSet;
    this.keepAuditOnRestore = keepAuditOnRestore;
    this.columns = columns;
    this.tables = tables;
    this.liveValue = liveValue;
    this.deletedValue = deletedValue;
    this.cacheSize = cacheSize;
    this.warnOnUnparseableSelect = warnOnUnparseableSelect;
    this.parseTimeoutMillis = parseTimeoutMillis;
    this.deletedByColumn = deletedByColumn;
    this.deleteReasonColumn = deleteReasonColumn;
    this.deletedBySupplier = deletedBySupplier;
    this.cascades = cascades;
    this.observe = observe;
    this.respectExplicitMarkers = respectExplicitMarkers;
    this.tableMarkers = tableMarkers;
    this.verifyOnStartup = verifyOnStartup;
  }

  /** Every key this configuration reads, in the order the documentation lists them (without per-table keys). */
  public static List<String> keys() {
    return KEYS;
  }

  /** The attributes of the per-table keys {@code table.<name>.<attribute>}. */
  public static List<String> tableKeys() {
    return TableMarkerReader.ATTRIBUTES;
  }

  /** The built-in defaults, ignoring system properties. */
  public static SoftDeleteConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Reads every key from {@code props}, then from {@code softdelete.<key>} system properties, then the
   * defaults. A blank value counts as unset.
   *
   * @param props the plugin's properties or the agent's options; {@code null} reads system properties only
   * @throws SoftDeleteException naming the property and the value, for an unknown key or a bad value
   */
  public static SoftDeleteConfig fromProperties(Properties props) {
    return ConfigReader.read(props, true);
  }

  /**
   * Reads every key from {@code props} only, then the defaults: for frameworks that gather properties from
   * their own sources (system properties included), such as Spring Boot, whose property names
   * ({@code softdelete.live-value}) are not this class's keys.
   *
   * @throws SoftDeleteException naming the property and the value, for an unknown key or a bad value
   */
  public static SoftDeleteConfig fromPropertiesOnly(Properties props) {
    return ConfigReader.read(props, false);
  }

  /** The marker column, or the first of its candidates, as configured: possibly quoted. */
  public String column() {
    return columns.get(0);
  }

  /** The marker column candidates, in order (one when {@code column} names one column). */
  public List<String> columns() {
    return columns;
  }

  /**
   * The soft tables, unquoted, {@code table} or {@code schema.table}, without duplicates: the configured
   * ones and those named in per-table keys; empty when they are detected from JDBC metadata.
   */
  public List<String> tables() {
    return tables;
  }

  /**
   * Whether the soft tables are every table that has {@link #column()} (or one of {@link #columns()}), found
   * through JDBC metadata, and those named in per-table keys.
   */
  public boolean detectTables() {
    return tables.isEmpty();
  }

  /** The marker value of live rows: {@code NULL} (live means {@code IS NULL}) or a SQL expression. */
  public String liveValue() {
    return liveValue == null ? NULL : liveValue;
  }

  /** The SQL expression a DELETE writes into the marker column; never {@code NULL}. */
  public String deletedValue() {
    return deletedValue == null ? DEFAULT_DELETED_VALUE : deletedValue;
  }

  /** The settings of each table named in a {@code table.<name>.*} key, by name; unset parts are {@code null}. */
  public List<TableMarker> tableMarkers() {
    return tableMarkers;
  }

  /**
   * What decides one table's marker: its own keys, then the global ones; values set in neither are
   * {@code null} (they follow the column's type).
   *
   * @param schema the table's schema, unquoted, or {@code null}
   * @param name the table's name, unquoted
   */
  public TableMarker markerFor(String schema, String name) {
    TableMarker global = globalMarker();
    for (TableMarker own : tableMarkers) {
      if (own.names(schema, name)) {
        return own.over(global);
      }
    }
    String qualified = schema == null ? name : schema + "." + name;
    return new TableMarker(qualified, List.of(), null, null, null, null).over(global);
  }

  private TableMarker globalMarker() {
    return new TableMarker(null, columns, liveValue, deletedValue, deletedByColumn, deleteReasonColumn,
        onDeleteSet, onRestoreSet);
  }

  /**
   * Whether the markers need JDBC metadata: to detect the tables, to choose among candidate columns, or to
   * learn the type of a table's own column whose values are set nowhere. Otherwise every table's marker is
   * known without a connection (values set nowhere: {@code NULL} / {@code CURRENT_TIMESTAMP}).
   */
  public boolean needsMetadata() {
    if (detectTables() || columns.size() > 1) {
      return true;
    }
    for (TableMarker own : tableMarkers) {
      TableMarker merged = own.over(globalMarker());
      if (!own.columns().isEmpty()
          && (own.columns().size() > 1 || merged.liveValue() == null || merged.deletedValue() == null)) {
        return true;
      }
    }
    return false;
  }

  /** The most rewritten statements kept per mode. */
  public int cacheSize() {
    return cacheSize;
  }

  /**
   * How long the parser may take over one statement; a statement that takes longer is refused as unreadable
   * (some malformed SQL sends the parser's backtracking into minutes).
   */
  public int parseTimeoutMillis() {
    return parseTimeoutMillis;
  }

  /** Whether a SELECT the parser cannot read runs unchanged with a warning instead of failing. */
  public boolean warnOnUnparseableSelect() {
    return warnOnUnparseableSelect;
  }

  /** The column that records who deleted a row, or {@code null}: not recorded. */
  public String deletedByColumn() {
    return deletedByColumn;
  }

  /** The column that records why a row was deleted, or {@code null}: not recorded. */
  public String deleteReasonColumn() {
    return deleteReasonColumn;
  }

  /** Further assignments of the UPDATE that marks a row, comma-separated, or {@code null}: none. */
  public String onDeleteSet() {
    return onDeleteSet;
  }

  /** Further assignments of the UPDATE that restores a row, comma-separated, or {@code null}: none. */
  public String onRestoreSet() {
    return onRestoreSet;
  }

  /** Whether a restore leaves the who and why columns as they were ({@code restoreAudit=keep}). */
  public boolean keepAuditOnRestore() {
    return keepAuditOnRestore;
  }

  /** The configured {@link DeletedBySupplier}, or {@code null}. */
  public DeletedBySupplier deletedBySupplier() {
    return deletedBySupplier;
  }

  /**
   * The declared cascades, in declaration order, without duplicates; acyclic. With {@link #detectCascades()},
   * each database adds those its foreign keys give.
   */
  public List<Cascade> cascades() {
    return cascades;
  }

  /**
   * Whether {@code cascade} holds the item {@code detect}: each database's {@code ON DELETE CASCADE} foreign keys
   * between two soft tables, one column each side, are cascades too (a declared relation between the same
   * tables wins).
   */
  public boolean detectCascades() {
    return detectCascades;
  }

  /**
   * Whether {@code restrict} holds the item {@code detect}: each database's {@code RESTRICT} and {@code NO ACTION}
   * foreign keys between two soft tables, one column each side, are restrict relations too (a declared relation
   * between the same tables wins).
   */
  public boolean detectRestricts() {
    return detectRestricts;
  }

  /**
   * The declared restrict relations ({@code restrict}), as {@link Cascade} values of the same form, in
   * declaration order, without duplicates: a DELETE of a parent with live children is refused, and so is a
   * restore of a child whose parent is deleted (cascades guard restores too).
   */
  public List<Cascade> restricts() {
    return restricts;
  }

  /**
   * Whether statements run as the application wrote them, and what softdelete would do is only logged: each
   * rewrite (original and rewritten SQL) and each refusal, once per distinct statement text and mode.
   */
  public boolean observe() {
    return observe;
  }

  /**
   * Whether a table reference whose query block constrains its marker column itself, and the target of an
   * UPDATE that assigns or constrains its marker, are left as written ({@code explicitMarker=respect}).
   */
  public boolean respectExplicitMarkers() {
    return respectExplicitMarkers;
  }

  /**
   * What happens when the interceptor first meets a MyBatis configuration: nothing, or every mapped statement
   * is checked in every mode (filling the rewrite cache) and those that would be refused are logged or stop
   * every statement of that configuration.
   */
  public VerifyOnStartup verifyOnStartup() {
    return verifyOnStartup;
  }

  /** The values of the key {@code verifyOnStartup}. */
  public enum VerifyOnStartup {
    /** No check at start-up: a statement is checked when it first runs. */
    OFF,
    /** Logs, at WARN, every mapped statement that would be refused. */
    WARN,
    /** Every statement of a configuration that has a refused one fails with a SoftDeleteException naming them. */
    FAIL
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SoftDeleteConfig)) {
      return false;
    }
    SoftDeleteConfig other = (SoftDeleteConfig) o;
    return columns.equals(other.columns) && tables.equals(other.tables)
        && Objects.equals(liveValue, other.liveValue) && Objects.equals(deletedValue, other.deletedValue)
        && cacheSize == other.cacheSize
        && warnOnUnparseableSelect == other.warnOnUnparseableSelect
        && parseTimeoutMillis == other.parseTimeoutMillis
        && Objects.equals(deletedByColumn, other.deletedByColumn)
        && Objects.equals(deleteReasonColumn, other.deleteReasonColumn)
        && Objects.equals(supplierName(), other.supplierName()) && cascades.equals(other.cascades)
        && restricts.equals(other.restricts) && observe == other.observe
        && respectExplicitMarkers == other.respectExplicitMarkers
        && tableMarkers.equals(other.tableMarkers) && Objects.equals(onDeleteSet, other.onDeleteSet)
        && Objects.equals(onRestoreSet, other.onRestoreSet) && keepAuditOnRestore == other.keepAuditOnRestore
        && verifyOnStartup == other.verifyOnStartup && detectCascades == other.detectCascades
        && detectRestricts == other.detectRestricts;
  }

  private String supplierName() {
    return deletedBySupplier == null ? null : deletedBySupplier.getClass().getName();
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns, tables, liveValue, deletedValue, cacheSize, warnOnUnparseableSelect,
        parseTimeoutMillis, deletedByColumn, deleteReasonColumn, supplierName(), cascades, restricts, observe,
        respectExplicitMarkers, tableMarkers, onDeleteSet, onRestoreSet, keepAuditOnRestore, verifyOnStartup,
        detectCascades, detectRestricts);
  }

  /**
   * The effective options in agent-option style, e.g. {@code column=deleted_at, tables=users:orders, ...,
   * table.sys_user.column=del_flag}; a value set nowhere shows as {@code (by type)} where metadata decides it.
   */
  @Override
  public String toString() {
    boolean byType = needsMetadata();
    return COLUMN + "=" + String.join(":", columns)
        + ", " + TABLES + "=" + (tables.isEmpty() ? "(detect)" : String.join(":", tables))
        + ", " + LIVE_VALUE + "=" + (liveValue == null && byType ? "(by type)" : liveValue())
        + ", " + DELETED_VALUE + "=" + (deletedValue == null && byType ? "(by type)" : deletedValue())
        + ", " + CACHE_SIZE + "=" + cacheSize
        + ", " + ON_UNPARSEABLE_SELECT + "=" + (warnOnUnparseableSelect ? "warn" : "fail")
        + ", " + PARSE_TIMEOUT_MILLIS + "=" + parseTimeoutMillis
        + ", " + MODE + "=" + (observe ? "observe" : "enforce")
        + (respectExplicitMarkers ? "" : ", " + EXPLICIT_MARKER + "=filter")
        + (verifyOnStartup == VerifyOnStartup.OFF ? ""
            : ", " + VERIFY_ON_STARTUP + "=" + verifyOnStartup.name().toLowerCase(java.util.Locale.ROOT))
        + (deletedByColumn == null ? "" : ", " + DELETED_BY_COLUMN + "=" + deletedByColumn)
        + (deleteReasonColumn == null ? "" : ", " + DELETE_REASON_COLUMN + "=" + deleteReasonColumn)
        + (deletedBySupplier == null ? "" : ", " + DELETED_BY_SUPPLIER + "=" + supplierName())
        + (onDeleteSet == null ? "" : ", " + ON_DELETE_SET + "=" + onDeleteSet)
        + (onRestoreSet == null ? "" : ", " + ON_RESTORE_SET + "=" + onRestoreSet)
        + (keepAuditOnRestore ? ", " + RESTORE_AUDIT + "=keep" : "")
        + relations(CASCADE, detectCascades, cascades)
        + relations(RESTRICT, detectRestricts, restricts)
        + String.join("", tableMarkers.stream().map(t -> ", " + t.describe()).toList());
  }

  private static String relations(String key, boolean detect, List<Cascade> declared) {
    if (!detect && declared.isEmpty()) {
      return "";
    }
    List<String> items = new java.util.ArrayList<>();
    if (detect) {
      items.add(Cascades.DETECT);
    }
    declared.forEach(relation -> items.add(relation.toString()));
    return ", " + key + "=" + String.join(":", items);
  }
}
