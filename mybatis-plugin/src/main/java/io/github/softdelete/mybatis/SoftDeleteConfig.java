package io.github.softdelete.mybatis;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** STAND-IN for the config helper's class, so that the glue compiles: drop it when theirs is merged. */
public final class SoftDeleteConfig {
  private static final Set<String> KEYS =
      Set.of("column", "tables", "liveValue", "deletedValue", "cacheSize", "onUnparseableSelect");

  private final Properties props;

  private SoftDeleteConfig(Properties props) {
    this.props = props;
  }

  public static SoftDeleteConfig defaults() {
    return new SoftDeleteConfig(new Properties());
  }

  public static SoftDeleteConfig fromProperties(Properties props) {
    Properties given = props == null ? new Properties() : props;
    for (String key : given.stringPropertyNames()) {
      if (!KEYS.contains(key)) {
        throw new SoftDeleteException("softdelete: unknown property '" + key + "'");
      }
    }
    return new SoftDeleteConfig(given);
  }

  public String column() {
    return props.getProperty("column", "deleted_at");
  }

  public List<String> tables() {
    String tables = props.getProperty("tables", "").strip();
    return tables.isEmpty() ? List.of() : Arrays.stream(tables.split("[,:]")).map(String::strip).toList();
  }

  public boolean detectTables() {
    return tables().isEmpty();
  }

  public String liveValue() {
    return props.getProperty("liveValue", "NULL");
  }

  public String deletedValue() {
    return props.getProperty("deletedValue", "CURRENT_TIMESTAMP");
  }

  public int cacheSize() {
    return Integer.parseInt(props.getProperty("cacheSize", "10000"));
  }

  public boolean warnOnUnparseableSelect() {
    return "warn".equals(props.getProperty("onUnparseableSelect"));
  }
}
