package io.github.softdelete.mybatis.fuzz;

/**
 * How a fuzz table marks its deleted rows: a timestamp set on delete ({@code liveValue} null), or a column
 * holding {@code liveValue} or {@code deletedValue} (SQL literals).
 */
record FuzzMarker(String column, String liveValue, String deletedValue) {
  static FuzzMarker timestamp(String column) {
    return new FuzzMarker(column, null, null);
  }

  static FuzzMarker values(String column, String liveValue, String deletedValue) {
    return new FuzzMarker(column, liveValue, deletedValue);
  }

  /** The predicate of a live row, with the column unqualified. */
  String live() {
    return liveValue == null ? column + " IS NULL" : column + " = " + liveValue;
  }

  /** The predicate of a deleted row, with the column unqualified. */
  String deleted() {
    return liveValue == null ? column + " IS NOT NULL" : column + " <> " + liveValue;
  }

  String definition(Dialect dialect) {
    if (liveValue == null) {
      return column + (dialect == Dialect.MARIADB ? " DATETIME" : " TIMESTAMP") + " NULL";
    }
    return column + (liveValue.startsWith("'") ? " CHAR(1)" : " INT") + " DEFAULT " + liveValue + " NOT NULL";
  }

  /** The literal of a row marked at {@code time} (a timestamp's text), or of a live row. */
  String literal(boolean marked, String time) {
    if (liveValue == null) {
      return marked ? "'" + time + "'" : "NULL";
    }
    return marked ? deletedValue : liveValue;
  }

  /** Whether {@code text}, the column read as a string, is the live value (a timestamp's: NULL). */
  boolean isLive(String text) {
    return text == null || liveValue != null && text.equals(liveValue.replace("'", ""));
  }
}
