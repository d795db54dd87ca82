package io.github.softdelete.mybatis;

import io.github.softdelete.mybatis.sql.SqlText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/** Checks one configured value and turns it into what the configuration keeps; errors name the property. */
final class ConfigValues {
  static final String NULL = "NULL";
  // a cascade binds one timestamp for parent and children; other values cannot tell whose cascade marked a row
  static final Set<String> TIMESTAMP_VALUES = Set.of("CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP()",
      "NOW()", "LOCALTIMESTAMP", "LOCALTIMESTAMP()");

  private ConfigValues() {}

  static String identifier(Setting setting) {
    if (!SqlNames.IDENTIFIER.matcher(setting.value()).matches()) {
      throw setting.error("not a SQL identifier");
    }
    return setting.value();
  }

  /** Marker column candidates, separated by colons, each an identifier; without duplicates. */
  static List<String> columns(Setting setting) {
    List<String> columns = new ArrayList<>();
    for (String entry : SqlText.splitOutsideQuotes(setting.value(), ":")) {
      String column = entry.strip();
      if (!SqlNames.IDENTIFIER.matcher(column).matches()) {
        throw setting.error(column.isEmpty() ? "empty column name" : "not a SQL identifier"
            + (column.equals(setting.value()) ? "" : ": '" + column + "'"));
      }
      if (columns.stream().noneMatch(seen -> sameColumn(seen, column))) {
        columns.add(column);
      }
    }
    return List.copyOf(columns);
  }

  static List<String> tables(Setting setting) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String entry : SqlText.splitOutsideQuotes(setting.value(), ",:")) {
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

  static String expression(Setting setting) {
    String value = setting.value();
    if (value.equalsIgnoreCase(NULL)) {
      return NULL;
    }
    requireSpliceable(setting, "a SQL expression");
    try {
      if (CCJSqlParserUtil.parseExpression(value, false) != null) {
        return value;
      }
    } catch (JSQLParserException | RuntimeException e) {
      // not an expression: reported below
    }
    throw setting.error("not a SQL expression");
  }

  /**
   * Assignments for the marking or restoring UPDATE, {@code col = expr}, separated by commas or (for agent
   * options, which commas separate) single colons; returned comma-separated, as the parser printed them. Each
   * column is a plain identifier that is none of {@code reserved} (the marker and audit columns, which softdelete
   * writes itself) and appears once; each value an expression as {@link #expression} accepts.
   */
  static String assignments(Setting setting, List<String> reserved) {
    String value = setting.value();
    requireSpliceable(setting, "assignments");
    List<UpdateSet> sets;
    try {
      Statement parsed = CCJSqlParserUtil.parse("UPDATE softdelete_assignments SET " + colonsAsCommas(value));
      // anything after the assignments (WHERE, FROM, ORDER BY, LIMIT, RETURNING) is no assignment
      sets = parsed instanceof Update update && update.getWhere() == null && update.getFromItem() == null
          && update.getJoins() == null && update.getStartJoins() == null && update.getOrderByElements() == null
          && update.getLimit() == null && update.getReturningClause() == null ? update.getUpdateSets() : null;
    } catch (JSQLParserException | RuntimeException e) {
      sets = null;
    }
    if (sets == null || sets.isEmpty()) {
      throw setting.error("not a list of assignments column = expression, separated by commas or colons");
    }
    Set<String> seen = new HashSet<>();
    List<String> printed = new ArrayList<>();
    for (UpdateSet set : sets) {
      if (set.getColumns().size() != 1 || set.getValues().size() != 1
          || set.getColumns().get(0).getTable() != null && set.getColumns().get(0).getTable().getName() != null) {
        throw setting.error("each assignment sets one unqualified column: '" + set + "'");
      }
      String column = set.getColumns().get(0).getColumnName();
      for (String own : reserved) {
        if (own != null && sameColumn(own, column)) {
          throw setting.error("assigns '" + column + "', which softdelete writes itself");
        }
      }
      if (!seen.add(SqlText.unquoted(column).toLowerCase(Locale.ROOT))) {
        throw setting.error("assigns '" + column + "' twice");
      }
      printed.add(set.toString());
    }
    return String.join(", ", printed);
  }

  // a single colon outside quotes separates, a double one is a PostgreSQL cast
  private static String colonsAsCommas(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      int end = SqlText.endOfQuoted(value, i);
      if (end > i) {
        out.append(value, i, end);
        i = end;
        continue;
      }
      char c = value.charAt(i);
      boolean cast = c == ':' && (i + 1 < value.length() && value.charAt(i + 1) == ':'
          || i > 0 && value.charAt(i - 1) == ':');
      out.append(c == ':' && !cast ? ',' : c);
      i++;
    }
    return out.toString();
  }

  // the value is spliced into SQL text: a comment or a second statement would swallow or add SQL, and a
  // placeholder would shift the meaning of every parameter the application binds after it
  private static void requireSpliceable(Setting setting, String what) {
    if (SqlText.containsOutsideQuotes(setting.value(), ";", "--", "/*", "#")) {
      throw setting.error("comments and semicolons are not allowed in " + what);
    }
    if (SqlText.containsOutsideQuotes(setting.value(), "?")) {
      throw setting.error("parameter placeholders ('?') are not allowed in " + what);
    }
  }

  /** A deleted value: never NULL, since a deleted row must not look live. */
  static String deletedValue(Setting setting) {
    String value = expression(setting);
    if (value.equals(NULL)) {
      throw setting.error("deleted rows must be told apart from live ones by a value other than NULL");
    }
    return value;
  }

  /** An audit column, which must not be one of the marker columns. */
  static String auditColumn(Setting setting, List<String> markerColumns) {
    String name = identifier(setting);
    for (String marker : markerColumns) {
      if (sameColumn(name, marker)) {
        throw setting.error("same column as the marker column '" + marker + "'");
      }
    }
    return name;
  }

  static boolean sameColumn(String a, String b) {
    return normalised(SqlText.unquoted(a)).equals(normalised(SqlText.unquoted(b)));
  }

  static boolean isTimestamp(String value) {
    return TIMESTAMP_VALUES.contains(normalised(value));
  }

  static int atLeastOne(Setting setting) {
    try {
      int size = Integer.parseInt(setting.value());
      if (size >= 1) {
        return size;
      }
    } catch (NumberFormatException e) {
      // not a number: reported below
    }
    throw setting.error("not a whole number of at least 1");
  }

  /** {@code true} for {@code whenTrue}, {@code false} for {@code whenFalse}, in any case. */
  static boolean choice(Setting setting, String whenFalse, String whenTrue) {
    if (setting.value().equalsIgnoreCase(whenFalse)) {
      return false;
    }
    if (setting.value().equalsIgnoreCase(whenTrue)) {
      return true;
    }
    throw setting.error("expected '" + whenFalse + "' or '" + whenTrue + "'");
  }

  /** One of {@code choices}, in any case, as the choice is spelt. */
  static String oneOf(Setting setting, String... choices) {
    for (String choice : choices) {
      if (setting.value().equalsIgnoreCase(choice)) {
        return choice;
      }
    }
    StringBuilder expected = new StringBuilder("expected ");
    for (int i = 0; i < choices.length; i++) {
      expected.append(i == 0 ? "" : i == choices.length - 1 ? " or " : ", ").append('\'').append(choices[i]).append('\'');
    }
    throw setting.error(expected.toString());
  }

  static DeletedBySupplier supplier(Setting setting) {
    Class<?> type;
    try {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      type = Class.forName(setting.value(), true,
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
      throw ConfigErrors.of("softdelete: " + setting.origin() + " has value '" + setting.value()
          + "': its constructor failed: " + e, e);
    }
  }

  static String normalised(String expression) {
    return expression.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }
}
