package io.github.softdelete.mybatis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

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
 *   <tr><td>{@code column}</td><td>{@code deleted_at}</td><td>the marker column</td></tr>
 *   <tr><td>{@code tables}</td><td>(detect)</td><td>soft tables, separated by commas or colons; unset:
 *       every table that has {@code column}</td></tr>
 *   <tr><td>{@code liveValue}</td><td>{@code NULL}</td><td>marker value of live rows</td></tr>
 *   <tr><td>{@code deletedValue}</td><td>{@code CURRENT_TIMESTAMP}</td><td>SQL expression written on
 *       delete</td></tr>
 *   <tr><td>{@code cacheSize}</td><td>{@code 10000}</td><td>most rewrites cached per mode</td></tr>
 *   <tr><td>{@code onUnparseableSelect}</td><td>{@code fail}</td><td>{@code warn} lets a SELECT the parser
 *       cannot read run unchanged, with a warning</td></tr>
 *   <tr><td>{@code parseTimeoutMillis}</td><td>{@code 5000}</td><td>longest time the parser may take over
 *       one statement before it is refused as unreadable</td></tr>
 *   <tr><td>{@code deletedByColumn}</td><td>(none)</td><td>column written with who deleted the row</td></tr>
 *   <tr><td>{@code deleteReasonColumn}</td><td>(none)</td><td>column written with why</td></tr>
 *   <tr><td>{@code deletedBySupplier}</td><td>(none)</td><td>class implementing {@link DeletedBySupplier}</td></tr>
 *   <tr><td>{@code cascade}</td><td>(none)</td><td>relations {@code child.fk->parent.key}, separated by commas
 *       or colons</td></tr>
 *   <tr><td>{@code mode}</td><td>{@code enforce}</td><td>{@code observe} rewrites nothing and logs what it
 *       would rewrite or refuse</td></tr>
 *   <tr><td>{@code explicitMarker}</td><td>{@code respect}</td><td>{@code filter} adds the automatic predicate
 *       even where the statement constrains the marker itself</td></tr>
 * </table>
 */
public final class SoftDeleteConfig {
  private static final String SYSTEM_PREFIX = "softdelete.";
  private static final String COLUMN = "column";
  private static final String TABLES = "tables";
  private static final String LIVE_VALUE = "liveValue";
  private static final String DELETED_VALUE = "deletedValue";
  private static final String CACHE_SIZE = "cacheSize";
  private static final String ON_UNPARSEABLE_SELECT = "onUnparseableSelect";
  private static final String PARSE_TIMEOUT_MILLIS = "parseTimeoutMillis";
  private static final String MODE = "mode";
  private static final String DELETED_BY_COLUMN = "deletedByColumn";
  private static final String DELETE_REASON_COLUMN = "deleteReasonColumn";
  private static final String DELETED_BY_SUPPLIER = "deletedBySupplier";
  private static final String CASCADE = "cascade";
  private static final String EXPLICIT_MARKER = "explicitMarker";
  private static final List<String> KEYS = List.of(COLUMN, TABLES, LIVE_VALUE, DELETED_VALUE, CACHE_SIZE,
      ON_UNPARSEABLE_SELECT, PARSE_TIMEOUT_MILLIS, MODE, DELETED_BY_COLUMN, DELETE_REASON_COLUMN, DELETED_BY_SUPPLIER, CASCADE,
      EXPLICIT_MARKER);
  // a cascade binds one timestamp for parent and children; other values cannot tell whose cascade marked a row
  private static final Set<String> TIMESTAMP_VALUES = Set.of("CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP()",
      "NOW()", "LOCALTIMESTAMP", "LOCALTIMESTAMP()");

  private static final String NULL = "NULL";

  private static final SoftDeleteConfig DEFAULTS =
      new SoftDeleteConfig("deleted_at", List.of(), NULL, "CURRENT_TIMESTAMP", 10_000, false, 5_000, null, null,
          null, List.of(), false, true);

  private final String column;
  private final List<String> tables;
  private final String liveValue;
  private final String deletedValue;
  private final int cacheSize;
  private final boolean warnOnUnparseableSelect;
  private final int parseTimeoutMillis;
  private final String deletedByColumn;
  private final String deleteReasonColumn;
  private final DeletedBySupplier deletedBySupplier;
  private final List<Cascade> cascades;
  private final boolean observe;
  private final boolean respectExplicitMarkers;

  private SoftDeleteConfig(String column, List<String> tables, String liveValue, String deletedValue,
      int cacheSize, boolean warnOnUnparseableSelect, int parseTimeoutMillis, String deletedByColumn,
      String deleteReasonColumn, DeletedBySupplier deletedBySupplier, List<Cascade> cascades, boolean observe,
      boolean respectExplicitMarkers) {
    this.column = column;
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
  }

  /** Every key this configuration reads, in the order the documentation lists them. */
  public static List<String> keys() {
    return KEYS;
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
    return build(props, true);
  }

  /**
   * Reads every key from {@code props} only, then the defaults: for frameworks that gather properties from
   * their own sources (system properties included), such as Spring Boot, whose property names
   * ({@code softdelete.live-value}) are not this class's keys.
   *
   * @throws SoftDeleteException naming the property and the value, for an unknown key or a bad value
   */
  public static SoftDeleteConfig fromPropertiesOnly(Properties props) {
    return build(props, false);
  }

  private static SoftDeleteConfig build(Properties props, boolean readSystemProperties) {
    Properties given = props == null ? new Properties() : props;
    rejectUnknownKeys(given, readSystemProperties);
    Source source = new Source(given, readSystemProperties);

    String column = source.value(COLUMN).map(SoftDeleteConfig::identifier).orElse(DEFAULTS.column);
    List<String> tables = source.value(TABLES).map(SoftDeleteConfig::tables).orElse(DEFAULTS.tables);
    String liveValue = source.value(LIVE_VALUE).map(SoftDeleteConfig::expression).orElse(DEFAULTS.liveValue);
    String deletedValue = source.value(DELETED_VALUE).map(SoftDeleteConfig::expression)
        .orElse(DEFAULTS.deletedValue);
    int cacheSize = source.value(CACHE_SIZE).map(SoftDeleteConfig::atLeastOne).orElse(DEFAULTS.cacheSize);
    int parseTimeoutMillis = source.value(PARSE_TIMEOUT_MILLIS).map(SoftDeleteConfig::atLeastOne)
        .orElse(DEFAULTS.parseTimeoutMillis);
    boolean warn = source.value(ON_UNPARSEABLE_SELECT).map(SoftDeleteConfig::warnOnUnparseableSelect)
        .orElse(DEFAULTS.warnOnUnparseableSelect);
    boolean observe = source.value(MODE).map(SoftDeleteConfig::observe).orElse(DEFAULTS.observe);
    boolean respectExplicitMarkers = source.value(EXPLICIT_MARKER).map(SoftDeleteConfig::respectExplicitMarkers)
        .orElse(DEFAULTS.respectExplicitMarkers);

    // a deleted row must not look live, or DELETE would silently do nothing visible
    if (deletedValue.equals(NULL)) {
      throw source.value(DELETED_VALUE).orElseThrow()
          .error("deleted rows must be told apart from live ones by a value other than NULL");
    }
    if (normalised(deletedValue).equals(normalised(liveValue))) {
      throw source.value(DELETED_VALUE).orElseGet(() -> Setting.builtIn(DELETED_VALUE, DEFAULTS.deletedValue))
          .error("same as liveValue '" + liveValue + "', so deleted rows would look live");
    }
    String deletedBy = source.value(DELETED_BY_COLUMN).map(setting -> auditColumn(setting, column))
        .orElse(null);
    String reason = source.value(DELETE_REASON_COLUMN).map(setting -> auditColumn(setting, column))
        .orElse(null);
    if (deletedBy != null && reason != null
        && normalised(SqlNames.unquoted(deletedBy)).equals(normalised(SqlNames.unquoted(reason)))) {
      throw source.value(DELETE_REASON_COLUMN).orElseThrow()
          .error("same column as deletedByColumn '" + deletedBy + "'");
    }
    Optional<Setting> supplierSetting = source.value(DELETED_BY_SUPPLIER);
    if (supplierSetting.isPresent() && deletedBy == null) {
      throw supplierSetting.get().error("has no effect without deletedByColumn; set deletedByColumn too");
    }
    DeletedBySupplier supplier = supplierSetting.map(SoftDeleteConfig::supplier).orElse(null);
    List<Cascade> cascades = source.value(CASCADE)
        .map(setting -> cascades(setting, tables, deletedValue)).orElse(List.of());
    return new SoftDeleteConfig(column, tables, liveValue, deletedValue, cacheSize, warn, parseTimeoutMillis,
        deletedBy, reason, supplier, cascades, observe, respectExplicitMarkers);
  }

  private static String auditColumn(Setting setting, String markerColumn) {
    String name = identifier(setting);
    if (normalised(SqlNames.unquoted(name)).equals(normalised(SqlNames.unquoted(markerColumn)))) {
      throw setting.error("same column as the marker column '" + markerColumn + "'");
    }
    return name;
  }

  private static DeletedBySupplier supplier(Setting setting) {
    Class<?> type;
    try {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      type = Class.forName(setting.value, true,
          context != null ? context : SoftDeleteConfig.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw setting.error("no such class");
    }
    if (!DeletedBySupplier.class.isAssignableFrom(type)) {
      throw setting.error("does not implement " + DeletedBySupplier.class.getName());
    }
    try {
      return (DeletedBySupplier) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw setting.error("needs a public constructor without arguments");
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new SoftDeleteException("softdelete: " + setting.origin + " has value '" + setting.value
          + "': its constructor failed: " + e, e);
    }
  }

  private static List<Cascade> cascades(Setting setting, List<String> tables, String deletedValue) {
    if (!TIMESTAMP_VALUES.contains(normalised(deletedValue))) {
      throw setting.error("cascades need deletedValue CURRENT_TIMESTAMP (it is '" + deletedValue
          + "'): parent and children are marked with one timestamp, which is how undo tells the children a"
          + " cascade deleted from those deleted before");
    }
    try {
      return Cascades.parse(setting.value, tables);
    } catch (IllegalArgumentException e) {
      throw setting.error(e.getMessage());
    }
  }

  private static void rejectUnknownKeys(Properties given, boolean readSystemProperties) {
    for (String key : given.stringPropertyNames()) {
      if (!isKey(key)) {
        throw new SoftDeleteException("softdelete: unknown property '" + key + "'; known properties: "
            + String.join(", ", KEYS));
      }
    }
    if (readSystemProperties) {
      // system properties are shared with every tool of the build (mvn -Dsoftdelete.version=... reaches the
      // test JVM through Surefire): one we do not know is reported, never fatal
      for (String name : System.getProperties().stringPropertyNames()) {
        if (name.startsWith(SYSTEM_PREFIX) && !isKey(name.substring(SYSTEM_PREFIX.length()))) {
          UnknownSystemProperties.warnOnce(name, "softdelete: ignoring system property '" + name
              + "', which is not a softdelete key; known keys: " + String.join(", ", KEYS));
        }
      }
    }
  }

  private static boolean isKey(String key) {
    return KEYS.contains(key);
  }

  private static String identifier(Setting setting) {
    if (!SqlNames.IDENTIFIER.matcher(setting.value).matches()) {
      throw setting.error("not a SQL identifier");
    }
    return setting.value;
  }

  private static List<String> tables(Setting setting) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String entry : SqlNames.splitOutsideQuotes(setting.value, ",:")) {
      String name = entry.strip();
      if (name.isEmpty()) {
        throw setting.error("empty table name");
      }
      List<String> parts = SqlNames.dottedName(name, 1, 2);
      if (parts == null) {
        throw setting.error("'" + name + "' is not a table name (table or schema.table, each a SQL identifier)");
      }
      // stored unquoted: soft tables match case-insensitively, so quotes carry no meaning here
      String unquoted = String.join(".", parts);
      if (seen.add(unquoted.toLowerCase(Locale.ROOT))) {
        names.add(unquoted);
      }
    }
    return Collections.unmodifiableList(names);
  }

  private static String expression(Setting setting) {
    String value = setting.value;
    if (value.equalsIgnoreCase(NULL)) {
      return NULL;
    }
    // the value is spliced into SQL text: a comment or a second statement would swallow or add SQL
    if (hasOutsideQuotes(value, ";", "--", "/*", "#")) {
      throw setting.error("comments and semicolons are not allowed in a SQL expression");
    }
    // a placeholder would shift the meaning of every parameter the application binds after it
    if (hasOutsideQuotes(value, "?")) {
      throw setting.error("parameter placeholders ('?') are not allowed in a SQL expression");
    }
    try {
      if (CCJSqlParserUtil.parseExpression(value, false) != null) {
        return value;
      }
    } catch (JSQLParserException | RuntimeException e) {
      // not an expression: reported below
    }
    throw setting.error("not a SQL expression");
  }

  private static int atLeastOne(Setting setting) {
    try {
      int size = Integer.parseInt(setting.value);
      if (size >= 1) {
        return size;
      }
    } catch (NumberFormatException e) {
      // not a number: reported below
    }
    throw setting.error("not a whole number of at least 1");
  }

  private static boolean warnOnUnparseableSelect(Setting setting) {
    if (setting.value.equalsIgnoreCase("fail")) {
      return false;
    }
    if (setting.value.equalsIgnoreCase("warn")) {
      return true;
    }
    throw setting.error("expected 'fail' or 'warn'");
  }

  private static boolean observe(Setting setting) {
    if (setting.value.equalsIgnoreCase("enforce")) {
      return false;
    }
    if (setting.value.equalsIgnoreCase("observe")) {
      return true;
    }
    throw setting.error("expected 'enforce' or 'observe'");
  }

  private static boolean respectExplicitMarkers(Setting setting) {
    if (setting.value.equalsIgnoreCase("respect")) {
      return true;
    }
    if (setting.value.equalsIgnoreCase("filter")) {
      return false;
    }
    throw setting.error("expected 'respect' or 'filter'");
  }

  private static boolean hasOutsideQuotes(String value, String... tokens) {
    char quote = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '`' || c == '\'') {
        quote = c;
      } else {
        for (String token : tokens) {
          if (value.startsWith(token, i)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String normalised(String expression) {
    return expression.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }

  /** The marker column as configured: an identifier, possibly quoted with {@code "} or {@code `}. */
  public String column() {
    return column;
  }

  /**
   * The configured soft tables, unquoted, {@code table} or {@code schema.table}, without duplicates; empty
   * when they are detected from JDBC metadata.
   */
  public List<String> tables() {
    return tables;
  }

  /** Whether the soft tables are every table that has {@link #column()}, found through JDBC metadata. */
  public boolean detectTables() {
    return tables.isEmpty();
  }

  /** The marker value of live rows: {@code NULL} (live means {@code IS NULL}) or a SQL expression. */
  public String liveValue() {
    return liveValue;
  }

  /** The SQL expression a DELETE writes into the marker column; never {@code NULL}. */
  public String deletedValue() {
    return deletedValue;
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

  /** The configured {@link DeletedBySupplier}, or {@code null}. */
  public DeletedBySupplier deletedBySupplier() {
    return deletedBySupplier;
  }

  /** The declared cascades, in declaration order, without duplicates; acyclic. */
  public List<Cascade> cascades() {
    return cascades;
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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SoftDeleteConfig)) {
      return false;
    }
    SoftDeleteConfig other = (SoftDeleteConfig) o;
    return column.equals(other.column) && tables.equals(other.tables) && liveValue.equals(other.liveValue)
        && deletedValue.equals(other.deletedValue) && cacheSize == other.cacheSize
        && warnOnUnparseableSelect == other.warnOnUnparseableSelect
        && parseTimeoutMillis == other.parseTimeoutMillis
        && Objects.equals(deletedByColumn, other.deletedByColumn)
        && Objects.equals(deleteReasonColumn, other.deleteReasonColumn)
        && Objects.equals(supplierName(), other.supplierName()) && cascades.equals(other.cascades)
        && observe == other.observe && respectExplicitMarkers == other.respectExplicitMarkers;
  }

  private String supplierName() {
    return deletedBySupplier == null ? null : deletedBySupplier.getClass().getName();
  }

  @Override
  public int hashCode() {
    return Objects.hash(column, tables, liveValue, deletedValue, cacheSize, warnOnUnparseableSelect,
        parseTimeoutMillis, deletedByColumn, deleteReasonColumn, supplierName(), cascades, observe,
        respectExplicitMarkers);
  }

  /** The effective options in agent-option style, e.g. {@code column=deleted_at, tables=users:orders, ...}. */
  @Override
  public String toString() {
    return COLUMN + "=" + column
        + ", " + TABLES + "=" + (tables.isEmpty() ? "(detect)" : String.join(":", tables))
        + ", " + LIVE_VALUE + "=" + liveValue
        + ", " + DELETED_VALUE + "=" + deletedValue
        + ", " + CACHE_SIZE + "=" + cacheSize
        + ", " + ON_UNPARSEABLE_SELECT + "=" + (warnOnUnparseableSelect ? "warn" : "fail")
        + ", " + PARSE_TIMEOUT_MILLIS + "=" + parseTimeoutMillis
        + ", " + MODE + "=" + (observe ? "observe" : "enforce")
        + (respectExplicitMarkers ? "" : ", " + EXPLICIT_MARKER + "=filter")
        + (deletedByColumn == null ? "" : ", " + DELETED_BY_COLUMN + "=" + deletedByColumn)
        + (deleteReasonColumn == null ? "" : ", " + DELETE_REASON_COLUMN + "=" + deleteReasonColumn)
        + (deletedBySupplier == null ? "" : ", " + DELETED_BY_SUPPLIER + "=" + supplierName())
        + (cascades.isEmpty() ? "" : ", " + CASCADE + "="
            + String.join(":", cascades.stream().map(Cascade::toString).toList()));
  }

  /** Where each key's value comes from: the given properties, else the system property. */
  private record Source(Properties given, boolean readSystemProperties) {
    Optional<Setting> value(String key) {
      String value = given.getProperty(key);
      if (value != null && !value.isBlank()) {
        return Optional.of(new Setting("property '" + key + "'", value.strip()));
      }
      if (!readSystemProperties) {
        return Optional.empty();
      }
      String systemValue = System.getProperty(SYSTEM_PREFIX + key);
      if (systemValue != null && !systemValue.isBlank()) {
        return Optional.of(new Setting("system property '" + SYSTEM_PREFIX + key + "'", systemValue.strip()));
      }
      return Optional.empty();
    }
  }

  /** One value and where it came from, so that an error names the very property to fix. */
  private record Setting(String origin, String value) {
    static Setting builtIn(String key, String value) {
      return new Setting("property '" + key + "'", value);
    }

    SoftDeleteException error(String reason) {
      return new SoftDeleteException("softdelete: " + origin + " has value '" + value + "': " + reason);
    }
  }
}
