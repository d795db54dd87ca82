package io.github.softdelete.mybatis;

import io.github.softdelete.mybatis.sql.SqlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code table.<name>.<attribute>} keys: {@code <name>} is {@code table} or {@code schema.table}
 * (each part possibly quoted), the attribute is what follows the last dot.
 */
final class TableMarkerReader {
  static final String PREFIX = "table.";
  static final String COLUMN = "column";
  static final String LIVE_VALUE = "liveValue";
  static final String DELETED_VALUE = "deletedValue";
  static final String DELETED_BY_COLUMN = "deletedByColumn";
  static final String DELETE_REASON_COLUMN = "deleteReasonColumn";
  static final String ON_DELETE_SET = "onDeleteSet";
  static final String ON_RESTORE_SET = "onRestoreSet";
  static final List<String> ATTRIBUTES =
      List.of(COLUMN, LIVE_VALUE, DELETED_VALUE, DELETED_BY_COLUMN, DELETE_REASON_COLUMN, ON_DELETE_SET,
          ON_RESTORE_SET);

  private TableMarkerReader() {}

  /** Whether {@code key} is a per-table key with a known attribute and a table name. */
  static boolean isKey(String key) {
    return parse(key) != null;
  }

  /** The message for a {@code table.*} key that is not one. */
  static String unknownKeyReason(String key) {
    return "per-table keys are table.<table or schema.table>.<attribute>, attributes: "
        + String.join(", ", ATTRIBUTES);
  }

  /**
   * The per-table settings of every table named in a {@code table.*} key, validated against each other and
   * against {@code global}; sorted by table name.
   */
  static List<TableMarker> read(ConfigSource source, TableMarker global) {
    Map<String, List<String>> keysByTable = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (String key : source.keysStartingWith(PREFIX)) {
      Key parsed = parse(key);
      if (parsed == null) {
        continue; // reported (or, for a system property, warned about) with the other unknown keys
      }
      String lower = parsed.table.toLowerCase(Locale.ROOT);
      names.putIfAbsent(lower, parsed.table);
      keysByTable.computeIfAbsent(lower, t -> new ArrayList<>()).add(key);
    }
    List<TableMarker> markers = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : keysByTable.entrySet()) {
      markers.add(readTable(source, names.get(entry.getKey()), entry.getValue(), global));
    }
    markers.sort((a, b) -> a.table().compareToIgnoreCase(b.table()));
    return List.copyOf(markers);
  }

  private static TableMarker readTable(ConfigSource source, String table, List<String> keys, TableMarker global) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    for (String key : keys) {
      // two spellings of one table (users, "users"): the first, in key order, wins
      source.value(key).ifPresent(setting -> settings.putIfAbsent(parse(key).attribute, setting));
    }
    List<String> columns = Optional.ofNullable(settings.get(COLUMN)).map(ConfigValues::columns).orElse(List.of());
    String live = Optional.ofNullable(settings.get(LIVE_VALUE)).map(ConfigValues::expression).orElse(null);
    String deleted = Optional.ofNullable(settings.get(DELETED_VALUE)).map(ConfigValues::deletedValue).orElse(null);
    List<String> markerColumns = columns.isEmpty() ? global.columns() : columns;
    Setting deletedSetting = settings.get(DELETED_VALUE);
    String effectiveLive = live != null ? live : global.liveValue();
    String effectiveDeleted = deleted != null ? deleted : global.deletedValue();
    if (effectiveLive != null && effectiveDeleted != null
        && ConfigValues.normalised(effectiveLive).equals(ConfigValues.normalised(effectiveDeleted))) {
      Setting blamed = deletedSetting != null ? deletedSetting : settings.get(LIVE_VALUE);
      if (blamed != null) {
        throw blamed.error("same as " + (deletedSetting != null ? "liveValue '" + effectiveLive : "deletedValue '"
            + effectiveDeleted) + "', so deleted rows would look live");
      }
    }
    String deletedBy = auditColumn(settings.get(DELETED_BY_COLUMN), markerColumns, global.deletedByColumn(),
        table, columns.isEmpty() ? null : settings.get(COLUMN));
    String reason = auditColumn(settings.get(DELETE_REASON_COLUMN), markerColumns, global.deleteReasonColumn(),
        table, columns.isEmpty() ? null : settings.get(COLUMN));
    if (deletedBy != null && reason != null && ConfigValues.sameColumn(deletedBy, reason)) {
      Setting blamed = settings.get(DELETE_REASON_COLUMN) != null ? settings.get(DELETE_REASON_COLUMN)
          : settings.get(DELETED_BY_COLUMN);
      if (blamed != null) {
        throw blamed.error("same column as " + (blamed == settings.get(DELETE_REASON_COLUMN)
            ? "deletedByColumn '" + deletedBy : "deleteReasonColumn '" + reason) + "'");
      }
    }
    List<String> written = ConfigReader.writtenBySoftdelete(markerColumns, deletedBy, reason);
    String onDelete = Optional.ofNullable(settings.get(ON_DELETE_SET))
        .map(setting -> ConfigValues.assignments(setting, written)).orElse(null);
    String onRestore = Optional.ofNullable(settings.get(ON_RESTORE_SET))
        .map(setting -> ConfigValues.assignments(setting, written)).orElse(null);
    return new TableMarker(table, columns, live, deleted, settings.containsKey(DELETED_BY_COLUMN) ? deletedBy : null,
        settings.containsKey(DELETE_REASON_COLUMN) ? reason : null, onDelete, onRestore);
  }

  // the table's own audit column, or the global one checked against the table's own marker column
  private static String auditColumn(Setting own, List<String> markerColumns, String global, String table,
      Setting ownColumn) {
    if (own != null) {
      return ConfigValues.auditColumn(own, markerColumns);
    }
    if (global != null && ownColumn != null) {
      for (String marker : markerColumns) {
        if (ConfigValues.sameColumn(global, marker)) {
          throw ownColumn.error("same column as the audit column '" + global + "' that table '" + table
              + "' takes from the global keys");
        }
      }
    }
    return global;
  }

  private static Key parse(String key) {
    if (!key.startsWith(PREFIX)) {
      return null;
    }
    List<String> parts = SqlText.splitOutsideQuotes(key.substring(PREFIX.length()), ".");
    if (parts.size() < 2 || !ATTRIBUTES.contains(parts.get(parts.size() - 1))) {
      return null;
    }
    List<String> name = SqlNames.dottedName(String.join(".", parts.subList(0, parts.size() - 1)), 1, 2);
    if (name == null) {
      return null;
    }
    return new Key(String.join(".", name), parts.get(parts.size() - 1));
  }

  private record Key(String table, String attribute) {}
}
