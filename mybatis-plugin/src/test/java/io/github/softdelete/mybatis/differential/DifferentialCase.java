package io.github.softdelete.mybatis.differential;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One query shape: a mapped statement, its parameters, and the oracle that defines its correct result.
 *
 * <p>The oracle is the same query with every soft table reference {@code t a} replaced, by hand, by
 * {@code (SELECT * FROM t WHERE deleted_at IS NULL) a}; it runs over plain JDBC with {@code oracleArgs} bound
 * to its {@code ?} in order.
 *
 * @param ordered the statement's ORDER BY fixes the row order, so rows are compared as a list
 * @param discriminating on the test data the unfiltered query returns other rows than the oracle
 * @param exclusions the dialects whose server cannot run the statement as written, each with the reason
 */
record DifferentialCase(
    String name,
    String statementId,
    Map<String, Object> params,
    String oracleSql,
    List<Object> oracleArgs,
    boolean ordered,
    boolean discriminating,
    Map<Dialect, String> exclusions) {

  static DifferentialCase xml(String name, String id) {
    return new DifferentialCase(name, "differential." + id, Map.of(), null, List.of(), false, true, Map.of());
  }

  static DifferentialCase annotated(String name, String method) {
    return new DifferentialCase(
        name, AnnotatedQueries.class.getName() + "." + method, Map.of(), null, List.of(), false, true, Map.of());
  }

  /** Mapper parameters as key, value, key, value... (null values allowed, as in a {@code <if test>}). */
  DifferentialCase withParams(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return new DifferentialCase(
        name, statementId, Collections.unmodifiableMap(map), oracleSql, oracleArgs, ordered, discriminating,
        exclusions);
  }

  DifferentialCase oracle(String sql, Object... args) {
    return new DifferentialCase(
        name, statementId, params, sql, Collections.unmodifiableList(Arrays.asList(args)), ordered, discriminating,
        exclusions);
  }

  DifferentialCase inOrder() {
    return new DifferentialCase(name, statementId, params, oracleSql, oracleArgs, true, discriminating, exclusions);
  }

  /** For a query that touches no soft table: the raw query is its own oracle. */
  DifferentialCase notDiscriminating() {
    return new DifferentialCase(name, statementId, params, oracleSql, oracleArgs, ordered, false, exclusions);
  }

  /**
   * The statement is not valid SQL on {@code dialect}'s server (the differential test checks that the server
   * does reject it), so the case is not run there; {@code reason} says why.
   */
  DifferentialCase notOn(Dialect dialect, String reason) {
    Map<Dialect, String> map = new EnumMap<>(Dialect.class);
    map.putAll(exclusions);
    map.put(dialect, reason);
    return new DifferentialCase(name, statementId, params, oracleSql, oracleArgs, ordered, discriminating,
        Collections.unmodifiableMap(map));
  }

  boolean runsOn(Dialect dialect) {
    return !exclusions.containsKey(dialect);
  }

  @Override
  public String toString() {
    return name;
  }
}
