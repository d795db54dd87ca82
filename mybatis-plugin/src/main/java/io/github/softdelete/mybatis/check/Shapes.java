package io.github.softdelete.mybatis.check;

import io.github.softdelete.mybatis.SoftDeleteCheck.Coverage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.scripting.defaults.RawSqlSource;

/**
 * The SQL texts a mapped statement takes without the application's parameter objects: static SQL exactly;
 * dynamic SQL (and SQL providers) as MyBatis renders it with no parameter and with every parameter set
 * ({@link AnyValue}). Rendered the second way twice, with different stand-in text, to tell whether the text
 * of {@code ${...}} reaches the SQL.
 */
final class Shapes {
  static final String STATIC = "static";
  static final String NO_PARAMETER = "no parameter";
  static final String EVERY_PARAMETER = "every parameter set";

  private Shapes() {}

  /**
   * @param sqlByShape each distinct SQL text, with the names of the shapes that render it
   * @param parameterText whether {@code ${...}} text reaches the SQL, so that what the parser makes of it says
   *     nothing of the SQL that runs
   */
  record Rendered(Map<String, String> sqlByShape, Coverage coverage, String note, boolean parameterText) {}

  static Rendered of(MappedStatement ms) {
    SqlSource source = ms.getSqlSource();
    if (source instanceof RawSqlSource || source instanceof StaticSqlSource) {
      return new Rendered(Map.of(STATIC, ms.getBoundSql(null).getSql()), Coverage.EXACT, null, false);
    }
    Map<String, String> shapesBySql = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    String empty = render(ms, null, NO_PARAMETER, failures);
    if (empty != null) {
      shapesBySql.merge(empty, NO_PARAMETER, (a, b) -> a + ", " + b);
    }
    String noParameterFailure = failures.isEmpty() ? null : failures.get(0);
    String every = render(ms, new AnyValue("1"), EVERY_PARAMETER, failures);
    boolean parameterText = false;
    if (every != null) {
      shapesBySql.merge(every, EVERY_PARAMETER, (a, b) -> a + ", " + b);
      // the same shape with other text: only ${...} can make the SQL differ ("1" and "01" compare equal as numbers)
      parameterText = !every.equals(render(ms, new AnyValue("01"), EVERY_PARAMETER, new ArrayList<>()));
    }
    Map<String, String> sqlByShape = new LinkedHashMap<>();
    shapesBySql.forEach((sql, shapes) -> sqlByShape.put(shapes, sql));
    if (sqlByShape.isEmpty()) {
      return new Rendered(sqlByShape, Coverage.NONE, "did not render: " + String.join("; ", failures), false);
    }
    if (every == null || parameterText) {
      List<String> partly = new ArrayList<>(failures);
      if (parameterText) {
        partly.add("its ${...} text is the application's (rendered here as 1)");
      }
      return new Rendered(sqlByShape, Coverage.PARTLY, String.join("; ", partly), parameterText);
    }
    // a statement that needs its parameter (a <foreach> over it, a property of it) never runs without one
    return new Rendered(sqlByShape, Coverage.SHAPES, noParameterFailure == null
        ? "dynamic SQL, checked as rendered with no parameter and with every parameter set"
        : "dynamic SQL, checked as rendered with every parameter set; " + noParameterFailure, false);
  }

  private static String render(MappedStatement ms, Object parameter, String shape, List<String> failures) {
    try {
      return ms.getBoundSql(parameter).getSql();
    } catch (RuntimeException | LinkageError e) {
      failures.add("the shape with " + shape + " did not render (" + rootMessage(e) + ")");
      return null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.strip().replaceAll("\\s+", " ");
  }
}
