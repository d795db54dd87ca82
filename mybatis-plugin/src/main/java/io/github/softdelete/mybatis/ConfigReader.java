package io.github.softdelete.mybatis;

import static io.github.softdelete.mybatis.SoftDeleteConfig.CACHE_SIZE;
import static io.github.softdelete.mybatis.SoftDeleteConfig.CASCADE;
import static io.github.softdelete.mybatis.SoftDeleteConfig.RESTRICT;
import static io.github.softdelete.mybatis.SoftDeleteConfig.COLUMN;
import static io.github.softdelete.mybatis.SoftDeleteConfig.DEFAULT_DELETED_VALUE;
import static io.github.softdelete.mybatis.SoftDeleteConfig.DELETED_BY_COLUMN;
import static io.github.softdelete.mybatis.SoftDeleteConfig.DELETED_BY_SUPPLIER;
import static io.github.softdelete.mybatis.SoftDeleteConfig.DELETED_VALUE;
import static io.github.softdelete.mybatis.SoftDeleteConfig.DELETE_REASON_COLUMN;
import static io.github.softdelete.mybatis.SoftDeleteConfig.EXPLICIT_MARKER;
import static io.github.softdelete.mybatis.SoftDeleteConfig.KEYS;
import static io.github.softdelete.mybatis.SoftDeleteConfig.LIVE_VALUE;
import static io.github.softdelete.mybatis.SoftDeleteConfig.MODE;
import static io.github.softdelete.mybatis.SoftDeleteConfig.ON_DELETE_SET;
import static io.github.softdelete.mybatis.SoftDeleteConfig.ON_RESTORE_SET;
import static io.github.softdelete.mybatis.SoftDeleteConfig.RESTORE_AUDIT;
import static io.github.softdelete.mybatis.SoftDeleteConfig.ON_UNPARSEABLE_SELECT;
import static io.github.softdelete.mybatis.SoftDeleteConfig.PARSE_TIMEOUT_MILLIS;
import static io.github.softdelete.mybatis.SoftDeleteConfig.SYSTEM_PREFIX;
import static io.github.softdelete.mybatis.SoftDeleteConfig.TABLES;
import static io.github.softdelete.mybatis.SoftDeleteConfig.VERIFY_ON_STARTUP;

import io.github.softdelete.mybatis.SoftDeleteConfig.VerifyOnStartup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Builds a {@link SoftDeleteConfig} from properties: rejects unknown keys, reads each key where it is set,
 * checks the keys against each other.
 */
final class ConfigReader {
  private static final SoftDeleteConfig DEFAULTS = SoftDeleteConfig.defaults();

  private ConfigReader() {}

  static SoftDeleteConfig read(Properties props, boolean readSystemProperties) {
    Properties given = props == null ? new Properties() : props;
    rejectUnknownKeys(given, readSystemProperties);
    ConfigSource source = new ConfigSource(given, readSystemProperties);

    List<String> columns = source.value(COLUMN).map(ConfigValues::columns).orElse(DEFAULTS.columns());
    List<String> tables = source.value(TABLES).map(ConfigValues::tables).orElse(DEFAULTS.tables());
    String liveValue = source.value(LIVE_VALUE).map(ConfigValues::expression).orElse(null);
    String deletedValue = source.value(DELETED_VALUE).map(ConfigValues::deletedValue).orElse(null);
    int cacheSize = source.value(CACHE_SIZE).map(ConfigValues::atLeastOne).orElse(DEFAULTS.cacheSize());
    int parseTimeoutMillis = source.value(PARSE_TIMEOUT_MILLIS).map(ConfigValues::atLeastOne)
        .orElse(DEFAULTS.parseTimeoutMillis());
    boolean warn = source.value(ON_UNPARSEABLE_SELECT).map(s -> ConfigValues.choice(s, "fail", "warn"))
        .orElse(DEFAULTS.warnOnUnparseableSelect());
    boolean observe = source.value(MODE).map(s -> ConfigValues.choice(s, "enforce", "observe"))
        .orElse(DEFAULTS.observe());
    boolean respectExplicitMarkers = source.value(EXPLICIT_MARKER).map(s -> !ConfigValues.choice(s, "respect", "filter"))
        .orElse(DEFAULTS.respectExplicitMarkers());
    VerifyOnStartup verify = source.value(VERIFY_ON_STARTUP).map(s -> verifyOnStartup(s, observe))
        .orElse(DEFAULTS.verifyOnStartup());

    // a deleted row must not look live, or DELETE would silently do nothing visible
    String effectiveLive = liveValue == null ? ConfigValues.NULL : liveValue;
    String effectiveDeleted = deletedValue == null ? DEFAULT_DELETED_VALUE : deletedValue;
    if (ConfigValues.normalised(effectiveDeleted).equals(ConfigValues.normalised(effectiveLive))) {
      throw source.value(DELETED_VALUE).orElseGet(() -> Setting.builtIn(DELETED_VALUE, DEFAULT_DELETED_VALUE))
          .error("same as liveValue '" + effectiveLive + "', so deleted rows would look live");
    }
    String deletedBy = source.value(DELETED_BY_COLUMN).map(setting -> ConfigValues.auditColumn(setting, columns))
        .orElse(null);
    String reason = source.value(DELETE_REASON_COLUMN).map(setting -> ConfigValues.auditColumn(setting, columns))
        .orElse(null);
    if (deletedBy != null && reason != null && ConfigValues.sameColumn(deletedBy, reason)) {
      throw source.value(DELETE_REASON_COLUMN).orElseThrow()
          .error("same column as deletedByColumn '" + deletedBy + "'");
    }
    Optional<Setting> supplierSetting = source.value(DELETED_BY_SUPPLIER);
    List<String> written = writtenBySoftdelete(columns, deletedBy, reason);
    String onDeleteSet = source.value(ON_DELETE_SET).map(s -> ConfigValues.assignments(s, written)).orElse(null);
    String onRestoreSet = source.value(ON_RESTORE_SET).map(s -> ConfigValues.assignments(s, written)).orElse(null);
    boolean keepAuditOnRestore = source.value(RESTORE_AUDIT).map(s -> ConfigValues.choice(s, "clear", "keep"))
        .orElse(false);
    TableMarker global = new TableMarker(null, columns, liveValue, deletedValue, deletedBy, reason, onDeleteSet,
        onRestoreSet);
    List<TableMarker> tableMarkers = TableMarkerReader.read(source, global);
    boolean anyDeletedBy = deletedBy != null || tableMarkers.stream().anyMatch(t -> t.deletedByColumn() != null);
    if (supplierSetting.isPresent() && !anyDeletedBy) {
      throw supplierSetting.get().error("has no effect without deletedByColumn; set deletedByColumn too");
    }
    DeletedBySupplier supplier = supplierSetting.map(ConfigValues::supplier).orElse(null);
    List<String> softTables = tables.isEmpty() ? tables : withTablesOf(tables, tableMarkers);
    List<Cascade> cascades = source.value(CASCADE)
        .map(setting -> cascades(setting, softTables, global, tableMarkers)).orElse(List.of());
    List<Cascade> restricts = source.value(RESTRICT).map(setting -> restricts(setting, softTables, cascades))
        .orElse(List.of());
    boolean detectCascades = source.value(CASCADE).map(setting -> Cascades.detects(setting.value())).orElse(false);
    boolean detectRestricts = source.value(RESTRICT).map(setting -> Cascades.detects(setting.value())).orElse(false);
    return new SoftDeleteConfig(columns, softTables, liveValue, deletedValue, cacheSize, warn, parseTimeoutMillis,
        deletedBy, reason, supplier, cascades, observe, respectExplicitMarkers, tableMarkers, onDeleteSet,
        onRestoreSet, keepAuditOnRestore, restricts, verify, detectCascades, detectRestricts);
  }

  /** The columns softdelete writes itself on delete and restore: the marker candidates and audit columns. */
  static List<String> writtenBySoftdelete(List<String> markerColumns, String deletedBy, String reason) {
    List<String> written = new ArrayList<>(markerColumns);
    written.add(deletedBy);
    written.add(reason);
    return written;
  }

  // observe runs everything as written: a check that stops the application would contradict it
  private static VerifyOnStartup verifyOnStartup(Setting setting, boolean observe) {
    VerifyOnStartup verify = VerifyOnStartup.valueOf(ConfigValues.oneOf(setting, "off", "warn", "fail")
        .toUpperCase(Locale.ROOT));
    if (verify == VerifyOnStartup.FAIL && observe) {
      throw setting.error("mode=observe runs every statement as written, so none can be refused; use warn");
    }
    return verify;
  }

  // the tables named in per-table keys are soft too
  private static List<String> withTablesOf(List<String> tables, List<TableMarker> tableMarkers) {
    Set<String> lower = new LinkedHashSet<>();
    List<String> all = new ArrayList<>();
    for (String table : tables) {
      lower.add(table.toLowerCase(Locale.ROOT));
      all.add(table);
    }
    for (TableMarker marker : tableMarkers) {
      if (lower.add(marker.table().toLowerCase(Locale.ROOT))) {
        all.add(marker.table());
      }
    }
    return List.copyOf(all);
  }

  // every table on a cascade needs a timestamp deleted value; a value set nowhere is checked at detection
  private static List<Cascade> cascades(Setting setting, List<String> tables, TableMarker global,
      List<TableMarker> tableMarkers) {
    List<Cascade> parsed = parseCascades(setting, tables);
    for (Cascade cascade : parsed) {
      for (String table : List.of(cascade.parentTable(), cascade.childTable())) {
        String own = ownMarker(tableMarkers, table).map(TableMarker::deletedValue).orElse(null);
        if (own == null && global.deletedValue() != null && !ConfigValues.isTimestamp(global.deletedValue())) {
          throw setting.error("cascades need deletedValue CURRENT_TIMESTAMP (it is '" + global.deletedValue()
              + "'): parent and children are marked with one timestamp, which is how undo tells the children a"
              + " cascade deleted from those deleted before");
        }
        if (own != null && !ConfigValues.isTimestamp(own)) {
          throw setting.error(cascade.refusalThrough(table, "deletedValue '" + own + "'"));
        }
      }
    }
    return parsed;
  }

  private static List<Cascade> parseCascades(Setting setting, List<String> tables) {
    try {
      return Cascades.parseDeclared(setting.value(), tables);
    } catch (IllegalArgumentException e) {
      throw setting.error(e.getMessage());
    }
  }

  // a restrict marks nothing, so any marker will do; it may not contradict a cascade between the same tables
  private static List<Cascade> restricts(Setting setting, List<String> tables, List<Cascade> cascades) {
    List<Cascade> parsed;
    try {
      parsed = Cascades.parseRestricts(setting.value(), tables);
    } catch (IllegalArgumentException e) {
      throw setting.error(e.getMessage());
    }
    String conflict = Cascades.bothCascadeAndRestrict(cascades, parsed);
    if (conflict != null) {
      throw setting.error(conflict);
    }
    return parsed;
  }

  private static Optional<TableMarker> ownMarker(List<TableMarker> tableMarkers, String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    String schema = dot < 0 ? null : qualifiedName.substring(0, dot);
    String name = qualifiedName.substring(dot + 1);
    return tableMarkers.stream().filter(t -> t.names(schema, name)).findFirst();
  }

  private static void rejectUnknownKeys(Properties given, boolean readSystemProperties) {
    for (String key : given.stringPropertyNames()) {
      if (!isKey(key)) {
        throw ConfigErrors.of("softdelete: unknown property '" + key + "'; " + knownKeys(key));
      }
    }
    if (readSystemProperties) {
      // system properties are shared with every tool of the build (mvn -Dsoftdelete.version=... reaches the
      // test JVM through Surefire): one we do not know is reported, never fatal
      for (String name : System.getProperties().stringPropertyNames()) {
        if (name.startsWith(SYSTEM_PREFIX) && !isKey(name.substring(SYSTEM_PREFIX.length()))) {
          UnknownSystemProperties.warnOnce(name, "softdelete: ignoring system property '" + name
              + "', which is not a softdelete key; " + knownKeys(name.substring(SYSTEM_PREFIX.length()))
                  .replace("known properties", "known keys"));
        }
      }
    }
  }

  private static String knownKeys(String key) {
    if (key.startsWith(TableMarkerReader.PREFIX)) {
      return TableMarkerReader.unknownKeyReason(key);
    }
    return "known properties: " + String.join(", ", KEYS);
  }

  private static boolean isKey(String key) {
    return KEYS.contains(key) || TableMarkerReader.isKey(key);
  }
}
