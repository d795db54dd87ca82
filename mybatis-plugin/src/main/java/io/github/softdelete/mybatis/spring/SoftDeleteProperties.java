package io.github.softdelete.mybatis.spring;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code softdelete.*} properties of a Spring Boot application, in Spring's kebab-case
 * ({@code softdelete.live-value}); each maps onto the {@link SoftDeleteConfig} key of the same name, and is
 * validated there. Unknown {@code softdelete.*} properties stop the application, as unknown plugin properties
 * do.
 */
@ConfigurationProperties(prefix = "softdelete", ignoreUnknownFields = false)
public class SoftDeleteProperties {
  /** Whether to register the soft-delete interceptor. */
  private boolean enabled = true;

  /**
   * Marker column: a row is live when it holds the live value. Candidates separated by colons
   * (deleted_at:is_deleted:del_flag): each table's marker is the first it has.
   */
  private String column = "deleted_at";

  /**
   * Soft tables, separated by commas, each table or schema.table; unset: every table that has the marker
   * column, found through JDBC metadata once per database.
   */
  private String tables;

  /**
   * Marker value of live rows: NULL (live means IS NULL) or a SQL expression such as 0 or FALSE. Unset: by
   * the column's type where metadata is read (NULL for date/time, FALSE for boolean, 0 for integers), else NULL.
   */
  private String liveValue;

  /**
   * SQL expression a DELETE writes into the marker column, such as 1, TRUE or id; never NULL. Unset: by the
   * column's type where metadata is read (CURRENT_TIMESTAMP, TRUE, 1), else CURRENT_TIMESTAMP.
   */
  private String deletedValue;

  /** Most rewritten statements kept per mode. */
  private int cacheSize = 10_000;

  /** What a SELECT the SQL parser cannot read does: fail, or run unchanged with a warning (warn). */
  private String onUnparseableSelect = "fail";

  /** Longest time, in milliseconds, the SQL parser may spend on one statement before it is refused. */
  private int parseTimeoutMillis = 5_000;

  /** Column that a DELETE fills with who deleted the row (DeletedBy scope, or a DeletedBySupplier). */
  private String deletedByColumn;

  /** Column that a DELETE fills with why the row was deleted (DeletedBy.as(..).because(..)). */
  private String deleteReasonColumn;

  /**
   * Class of a DeletedBySupplier (public, no-argument constructor); a DeletedBySupplier bean does the same
   * without this property.
   */
  private String deletedBySupplier;

  /**
   * Parent/child relations, child.column->parent.column separated by commas: soft-deleting a parent marks
   * its live children, and undoing it restores them.
   */
  private String cascade;

  /**
   * Parent/child relations, child.column->parent.column separated by commas, that guard integrity: a DELETE of a
   * parent that still has live children is refused, and so is restoring a child whose parent is deleted.
   */
  private String restrict;

  /**
   * Each table's own marker, by table name (softdelete.table.sys_user.column=del_flag; a schema-qualified
   * name in brackets: softdelete.table[app.orders].column): a table named here is soft.
   */
  private Map<String, Table> table = new LinkedHashMap<>();

  /** enforce (rewrite), or observe: run every statement as written and log what would be rewritten or refused. */
  private String mode = "enforce";

  /**
   * respect: a table reference whose query block constrains its marker column itself (a trash view, a
   * restore) is left as written; filter: the automatic predicate is added anyway.
   */
  private String explicitMarker = "respect";

  /**
   * off, warn or fail: check every mapped statement when the interceptor first meets a MyBatis configuration,
   * and log (warn) or refuse to run (fail) when one would be refused.
   */
  private String verifyOnStartup = "off";

  /**
   * Whether to count the interceptor's statements, rewrite cache and scopes on the application's MeterRegistry,
   * where Micrometer is on the class path (Spring only).
   */
  private boolean metrics = true;

  /**
   * Whether tasks run by Spring's executors (@Async methods, the auto-configured applicationTaskExecutor) run in
   * the scopes of the thread that submitted them: a TaskDecorator bean, unless the application has its own.
   */
  private boolean propagateScopes = true;

  /**
   * The configuration these properties describe, read from them alone: Spring has already gathered system
   * properties and every other source.
   *
   * @throws io.github.softdelete.mybatis.SoftDeleteException naming the {@link SoftDeleteConfig} key, for a
   *     bad value
   */
  public SoftDeleteConfig toConfig() {
    Properties keys = new Properties();
    put(keys, "column", column);
    put(keys, "tables", tables);
    put(keys, "liveValue", liveValue);
    put(keys, "deletedValue", deletedValue);
    put(keys, "cacheSize", Integer.toString(cacheSize));
    put(keys, "onUnparseableSelect", onUnparseableSelect);
    put(keys, "parseTimeoutMillis", Integer.toString(parseTimeoutMillis));
    put(keys, "deletedByColumn", deletedByColumn);
    put(keys, "deleteReasonColumn", deleteReasonColumn);
    put(keys, "deletedBySupplier", deletedBySupplier);
    put(keys, "cascade", cascade);
    put(keys, "restrict", restrict);
    put(keys, "mode", mode);
    put(keys, "explicitMarker", explicitMarker);
    put(keys, "onDeleteSet", onDeleteSet);
    put(keys, "onRestoreSet", onRestoreSet);
    put(keys, "restoreAudit", restoreAudit);
    put(keys, "verifyOnStartup", verifyOnStartup);
    table.forEach((name, own) -> {
      String prefix = "table." + name + ".";
      put(keys, prefix + "column", own.column);
      put(keys, prefix + "liveValue", own.liveValue);
      put(keys, prefix + "deletedValue", own.deletedValue);
      put(keys, prefix + "deletedByColumn", own.deletedByColumn);
      put(keys, prefix + "deleteReasonColumn", own.deleteReasonColumn);
      put(keys, prefix + "onDeleteSet", own.onDeleteSet);
      put(keys, prefix + "onRestoreSet", own.onRestoreSet);
    });
    return SoftDeleteConfig.fromPropertiesOnly(keys);
  }

  public Map<String, Table> getTable() {
    return table;
  }

  public void setTable(Map<String, Table> table) {
    this.table = table;
  }

  /** The marker of one table; what is unset here comes from the global properties. */
  public static class Table {
    /** Marker column of this table, or candidates separated by colons. */
    private String column;

    /** Marker value of this table's live rows. */
    private String liveValue;

    /** SQL expression a DELETE writes into this table's marker column. */
    private String deletedValue;

    /** Column of this table that a DELETE fills with who deleted the row. */
    private String deletedByColumn;

    /** Column of this table that a DELETE fills with why the row was deleted. */
    private String deleteReasonColumn;

    public String getColumn() {
      return column;
    }

    public void setColumn(String column) {
      this.column = column;
    }

    public String getLiveValue() {
      return liveValue;
    }

    public void setLiveValue(String liveValue) {
      this.liveValue = liveValue;
    }

    public String getDeletedValue() {
      return deletedValue;
    }

    public void setDeletedValue(String deletedValue) {
      this.deletedValue = deletedValue;
    }

    public String getDeletedByColumn() {
      return deletedByColumn;
    }

    public void setDeletedByColumn(String deletedByColumn) {
      this.deletedByColumn = deletedByColumn;
    }

    /** Further assignments of the UPDATE that marks a row of this table; the global ones when unset. */
    private String onDeleteSet;

    /** Further assignments of the UPDATE that restores a row of this table; the global ones when unset. */
    private String onRestoreSet;

    public String getOnDeleteSet() {
      return onDeleteSet;
    }

    public void setOnDeleteSet(String onDeleteSet) {
      this.onDeleteSet = onDeleteSet;
    }

    public String getOnRestoreSet() {
      return onRestoreSet;
    }

    public void setOnRestoreSet(String onRestoreSet) {
      this.onRestoreSet = onRestoreSet;
    }

    public String getDeleteReasonColumn() {
      return deleteReasonColumn;
    }

    public void setDeleteReasonColumn(String deleteReasonColumn) {
      this.deleteReasonColumn = deleteReasonColumn;
    }
  }

  private static void put(Properties keys, String key, String value) {
    if (value != null) {
      keys.setProperty(key, value);
    }
  }

  public boolean isPropagateScopes() {
    return propagateScopes;
  }

  public void setPropagateScopes(boolean propagateScopes) {
    this.propagateScopes = propagateScopes;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getColumn() {
    return column;
  }

  public void setColumn(String column) {
    this.column = column;
  }

  public String getTables() {
    return tables;
  }

  public void setTables(String tables) {
    this.tables = tables;
  }

  public String getLiveValue() {
    return liveValue;
  }

  public void setLiveValue(String liveValue) {
    this.liveValue = liveValue;
  }

  public String getDeletedValue() {
    return deletedValue;
  }

  public void setDeletedValue(String deletedValue) {
    this.deletedValue = deletedValue;
  }

  public int getCacheSize() {
    return cacheSize;
  }

  public void setCacheSize(int cacheSize) {
    this.cacheSize = cacheSize;
  }

  public String getOnUnparseableSelect() {
    return onUnparseableSelect;
  }

  public void setOnUnparseableSelect(String onUnparseableSelect) {
    this.onUnparseableSelect = onUnparseableSelect;
  }

  public String getDeletedByColumn() {
    return deletedByColumn;
  }

  public void setDeletedByColumn(String deletedByColumn) {
    this.deletedByColumn = deletedByColumn;
  }

  /**
   * Further assignments of the UPDATE that marks a row, col = expr separated by commas or colons (e.g.
   * updated_at = CURRENT_TIMESTAMP, version = version + 1).
   */
  private String onDeleteSet;

  /** Further assignments of the UPDATE that restores a row. */
  private String onRestoreSet;

  /** clear: a restore sets who and why back to NULL; keep: it leaves them as they were. */
  private String restoreAudit = "clear";

  public String getOnDeleteSet() {
    return onDeleteSet;
  }

  public void setOnDeleteSet(String onDeleteSet) {
    this.onDeleteSet = onDeleteSet;
  }

  public String getOnRestoreSet() {
    return onRestoreSet;
  }

  public void setOnRestoreSet(String onRestoreSet) {
    this.onRestoreSet = onRestoreSet;
  }

  public String getRestoreAudit() {
    return restoreAudit;
  }

  public void setRestoreAudit(String restoreAudit) {
    this.restoreAudit = restoreAudit;
  }

  public String getDeleteReasonColumn() {
    return deleteReasonColumn;
  }

  public void setDeleteReasonColumn(String deleteReasonColumn) {
    this.deleteReasonColumn = deleteReasonColumn;
  }

  public String getDeletedBySupplier() {
    return deletedBySupplier;
  }

  public void setDeletedBySupplier(String deletedBySupplier) {
    this.deletedBySupplier = deletedBySupplier;
  }

  public String getCascade() {
    return cascade;
  }

  public void setCascade(String cascade) {
    this.cascade = cascade;
  }

  public String getRestrict() {
    return restrict;
  }

  public void setRestrict(String restrict) {
    this.restrict = restrict;
  }

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public String getExplicitMarker() {
    return explicitMarker;
  }

  public void setExplicitMarker(String explicitMarker) {
    this.explicitMarker = explicitMarker;
  }

  public int getParseTimeoutMillis() {
    return parseTimeoutMillis;
  }

  public void setParseTimeoutMillis(int parseTimeoutMillis) {
    this.parseTimeoutMillis = parseTimeoutMillis;
  }

  public String getVerifyOnStartup() {
    return verifyOnStartup;
  }

  public void setVerifyOnStartup(String verifyOnStartup) {
    this.verifyOnStartup = verifyOnStartup;
  }

  public boolean isMetrics() {
    return metrics;
  }

  public void setMetrics(boolean metrics) {
    this.metrics = metrics;
  }
}
