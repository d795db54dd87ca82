package io.github.softdelete.mybatis.doctor;

import io.github.softdelete.mybatis.SchemaDoctor.Finding;
import io.github.softdelete.mybatis.SchemaDoctor.Problem;
import io.github.softdelete.mybatis.SchemaDoctor.Severity;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Marker values against the column's type: first by kind (a number for a character column matches every
 * non-numeric string on MySQL and MariaDB, where {@code 'N' = 0} is true, and fails on PostgreSQL; a timestamp
 * for a number column; NULL for a NOT NULL column), then by asking the database to compare them, which
 * PostgreSQL and H2 type-check ({@link Probes}).
 */
final class MarkerValues {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'");
  private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false");
  private static final Pattern TIMESTAMP = Pattern.compile("(?i)current_timestamp(\\(\\d*\\))?|now\\(\\)"
      + "|localtimestamp(\\(\\))?|current_date|sysdate(\\(\\))?");
  private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

  private MarkerValues() {}

  private enum Kind { NUMBER, STRING, BOOLEAN, TIMESTAMP, OTHER }

  private enum TypeClass { NUMERIC, CHARACTER, BOOLEAN, DATETIME, OTHER }

  static void check(Probes probes, String table, TableFacts facts, TableFacts.Column column, SoftDeleteMarker marker,
      List<Finding> findings) {
    String name = column.name().toLowerCase(Locale.ROOT);
    String liveValue = marker.liveValueSql();
    String deletedValue = marker.deletedValueSql();
    if ("NULL".equalsIgnoreCase(liveValue) && !column.nullable()) {
      findings.add(new Finding(Severity.PROBLEM, Problem.MARKER_VALUE, table, column.name(), name + " is NOT NULL,"
          + " so it cannot hold the live value NULL: inserting a live row fails", "make " + name + " nullable, or"
          + " set table." + table + ".liveValue to the value a live row holds"));
    }
    boolean fits = true;
    if (!"NULL".equalsIgnoreCase(liveValue)) {
      fits = fits(table, column, "liveValue", liveValue, findings);
    }
    fits &= fits(table, column, "deletedValue", deletedValue, findings);
    if (!fits) {
      return;
    }
    // the marker as configured, quotes included, as the rewritten statements name it
    String sqlColumn = marker.column();
    String livePredicate = "NULL".equalsIgnoreCase(liveValue) ? sqlColumn + " IS NULL" : sqlColumn + " = " + liveValue;
    String refusal = probes.refusal(facts, "SELECT 1 FROM {table} WHERE " + livePredicate + " AND 1 = 0");
    if (refusal == null) {
      refusal = probes.refusal(facts, "SELECT 1 FROM {table} WHERE " + sqlColumn + " = " + deletedValue + " AND 1 = 0");
    }
    if (refusal != null) {
      findings.add(new Finding(Severity.PROBLEM, Problem.MARKER_VALUE, table, column.name(), "the database refuses"
          + " the marker values (liveValue " + liveValue + ", deletedValue " + deletedValue + ") for " + name + " "
          + column.typeName() + ": " + refusal, "set table." + table + ".liveValue and table." + table
          + ".deletedValue to values of type " + column.typeName()));
    }
  }

  private static boolean fits(String table, TableFacts.Column column, String key, String value,
      List<Finding> findings) {
    Kind kind = kind(value);
    TypeClass type = typeClass(column.jdbcType());
    String why = switch (kind) {
      case NUMBER -> type == TypeClass.CHARACTER ? "a number for a character column: MySQL and MariaDB then"
          + " compare as numbers, where every non-numeric string equals 0, and PostgreSQL refuses the comparison"
          : type == TypeClass.DATETIME ? "a number for a date/time column" : null;
      case BOOLEAN -> type == TypeClass.CHARACTER || type == TypeClass.DATETIME ? "a boolean for a "
          + type.name().toLowerCase(Locale.ROOT) + " column" : null;
      case TIMESTAMP -> type != TypeClass.DATETIME && type != TypeClass.OTHER ? "a timestamp for a "
          + type.name().toLowerCase(Locale.ROOT) + " column" : null;
      case STRING -> stringMisfit(text(value), type);
      case OTHER -> null;
    };
    if (why == null) {
      return true;
    }
    findings.add(new Finding(Severity.PROBLEM, Problem.MARKER_VALUE, table, column.name(), key + " " + value + " is "
        + why + " (" + column.name().toLowerCase(Locale.ROOT) + " is " + column.typeName() + ")", "set table." + table
        + "." + key + " to a value of type " + column.typeName() + (type == TypeClass.CHARACTER && kind == Kind.NUMBER
            ? ", quoted: '" + value + "'" : "")));
    return false;
  }

  private static String stringMisfit(String text, TypeClass type) {
    return switch (type) {
      case NUMERIC -> NUMBER.matcher(text).matches() ? null : "text that is no number, for a numeric column";
      case BOOLEAN -> NUMBER.matcher(text).matches() || BOOLEAN.matcher(text).matches()
          || text.matches("(?i)[tfyn]|yes|no") ? null : "text that is no boolean, for a boolean column";
      case DATETIME -> DATE_TEXT.matcher(text).matches() ? null : "text that is no date, for a date/time column";
      default -> null;
    };
  }

  private static String text(String literal) {
    var matcher = STRING.matcher(literal.strip());
    return matcher.matches() ? matcher.group(1).replace("''", "'") : literal;
  }

  private static Kind kind(String value) {
    String v = value.strip();
    if (NUMBER.matcher(v).matches()) {
      return Kind.NUMBER;
    }
    if (STRING.matcher(v).matches()) {
      return Kind.STRING;
    }
    if (BOOLEAN.matcher(v).matches()) {
      return Kind.BOOLEAN;
    }
    return TIMESTAMP.matcher(v).matches() ? Kind.TIMESTAMP : Kind.OTHER;
  }

  private static TypeClass typeClass(int jdbcType) {
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
          Types.FLOAT, Types.DOUBLE -> TypeClass.NUMERIC;
      case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR,
          Types.CLOB, Types.NCLOB -> TypeClass.CHARACTER;
      case Types.BOOLEAN, Types.BIT -> TypeClass.BOOLEAN;
      case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE ->
          TypeClass.DATETIME;
      default -> TypeClass.OTHER;
    };
  }
}
