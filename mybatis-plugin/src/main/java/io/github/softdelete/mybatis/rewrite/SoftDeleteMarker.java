package io.github.softdelete.mybatis.rewrite;

/** Placeholder while the engine is written: the real class replaces this file. */
public final class SoftDeleteMarker {
  private final String column;
  private final String liveValue;
  private final String deletedValue;

  private SoftDeleteMarker(String column, String liveValue, String deletedValue) {
    this.column = column;
    this.liveValue = liveValue;
    this.deletedValue = deletedValue;
  }

  /**
   * @param column the marker column, an unquoted or quoted identifier
   * @param liveValue {@code NULL} (live means {@code IS NULL}) or a SQL expression
   * @param deletedValue the SQL expression written on delete
   * @throws IllegalArgumentException when a value is not a SQL expression
   */
  public static SoftDeleteMarker of(String column, String liveValue, String deletedValue) {
    return new SoftDeleteMarker(column, liveValue, deletedValue);
  }

  public String column() {
    return column;
  }
}
