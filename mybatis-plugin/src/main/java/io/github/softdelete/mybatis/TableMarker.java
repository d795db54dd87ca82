package io.github.softdelete.mybatis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The marker settings of one table ({@code table.<name>.*} keys), or the global ones: each part {@code null}
 * (or, for the columns, empty) when not set, so that what is set for the table wins over the global keys and
 * values set nowhere follow the column's JDBC type.
 */
public final class TableMarker {
  private final String table;
  private final List<String> columns;
  private final String liveValue;
  private final String deletedValue;
  private final String deletedByColumn;
  private final String deleteReasonColumn;
  private final String onDeleteSet;
  private final String onRestoreSet;

  TableMarker(String table, List<String> columns, String liveValue, String deletedValue, String deletedByColumn,
      String deleteReasonColumn) {
    this(table, columns, liveValue, deletedValue, deletedByColumn, deleteReasonColumn, null, null);
  }

  TableMarker(String table, List<String> columns, String liveValue, String deletedValue, String deletedByColumn,
      String deleteReasonColumn, String onDeleteSet, String onRestoreSet) {
    this.table = table;
    this.columns = List.copyOf(columns);
    this.liveValue = liveValue;
    this.deletedValue = deletedValue;
    this.deletedByColumn = deletedByColumn;
    this.deleteReasonColumn = deleteReasonColumn;
    this.onDeleteSet = onDeleteSet;
    this.onRestoreSet = onRestoreSet;
  }

  /** The table, unquoted, {@code table} or {@code schema.table}; {@code null} for the global settings. */
  public String table() {
    return table;
  }

  /**
   * The marker column candidates, in order, as configured (possibly quoted): the table's marker is the first
   * it has. Empty when not set.
   */
  public List<String> columns() {
    return columns;
  }

  /** The live value, or {@code null}: not set. */
  public String liveValue() {
    return liveValue;
  }

  /** The deleted value, or {@code null}: not set. */
  public String deletedValue() {
    return deletedValue;
  }

  /** The column recording who deleted, or {@code null}: not set. */
  public String deletedByColumn() {
    return deletedByColumn;
  }

  /** The column recording why, or {@code null}: not set. */
  public String deleteReasonColumn() {
    return deleteReasonColumn;
  }

  /**
   * Further assignments of the UPDATE that marks a row ({@code updated_at = CURRENT_TIMESTAMP, version = version
   * + 1}), comma-separated, or {@code null}: not set.
   */
  public String onDeleteSet() {
    return onDeleteSet;
  }

  /** Further assignments of the UPDATE that restores a row, or {@code null}: not set. */
  public String onRestoreSet() {
    return onRestoreSet;
  }

  /** These settings, with what they leave unset taken from {@code defaults}. */
  TableMarker over(TableMarker defaults) {
    return new TableMarker(table, columns.isEmpty() ? defaults.columns : columns,
        liveValue != null ? liveValue : defaults.liveValue,
        deletedValue != null ? deletedValue : defaults.deletedValue,
        deletedByColumn != null ? deletedByColumn : defaults.deletedByColumn,
        deleteReasonColumn != null ? deleteReasonColumn : defaults.deleteReasonColumn,
        onDeleteSet != null ? onDeleteSet : defaults.onDeleteSet,
        onRestoreSet != null ? onRestoreSet : defaults.onRestoreSet);
  }

  /** Whether {@code schema.name} (schema {@code null}: unqualified) is this table. */
  public boolean names(String schema, String name) {
    int dot = table.lastIndexOf('.');
    String ownName = dot < 0 ? table : table.substring(dot + 1);
    if (!ownName.equalsIgnoreCase(name)) {
      return false;
    }
    return dot < 0 || schema == null || table.substring(0, dot).equalsIgnoreCase(schema);
  }

  /** The keys set, agent-option style: {@code table.users.column=is_deleted, table.users.liveValue=0}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    String prefix = "table." + table + ".";
    if (!columns.isEmpty()) {
      parts.add(prefix + "column=" + String.join(":", columns));
    }
    addIfSet(parts, prefix + "liveValue", liveValue);
    addIfSet(parts, prefix + "deletedValue", deletedValue);
    addIfSet(parts, prefix + "deletedByColumn", deletedByColumn);
    addIfSet(parts, prefix + "deleteReasonColumn", deleteReasonColumn);
    addIfSet(parts, prefix + "onDeleteSet", onDeleteSet);
    addIfSet(parts, prefix + "onRestoreSet", onRestoreSet);
    return String.join(", ", parts);
  }

  private static void addIfSet(List<String> parts, String key, String value) {
    if (value != null) {
      parts.add(key + "=" + value);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TableMarker)) {
      return false;
    }
    TableMarker other = (TableMarker) o;
    return Objects.equals(lower(table), lower(other.table)) && columns.equals(other.columns)
        && Objects.equals(liveValue, other.liveValue) && Objects.equals(deletedValue, other.deletedValue)
        && Objects.equals(deletedByColumn, other.deletedByColumn)
        && Objects.equals(deleteReasonColumn, other.deleteReasonColumn)
        && Objects.equals(onDeleteSet, other.onDeleteSet) && Objects.equals(onRestoreSet, other.onRestoreSet);
  }

  private static String lower(String name) {
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lower(table), columns, liveValue, deletedValue, deletedByColumn, deleteReasonColumn,
        onDeleteSet, onRestoreSet);
  }

  @Override
  public String toString() {
    return table == null ? "(global)" : describe();
  }
}
