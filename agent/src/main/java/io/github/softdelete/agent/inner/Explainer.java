package io.github.softdelete.agent.inner;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.engine.Explain;
import io.github.softdelete.mybatis.rewrite.Dialect;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * {@code explain}: per mode, the statements the interceptor would run (a cascade's too, in order) or why it
 * would refuse, from the engine the interceptor itself builds. The option {@code includeDeleted=products:orders},
 * explain's own, explains every mode inside {@code IncludeDeleted.tables("products", "orders")}.
 */
public final class Explainer implements BiFunction<Properties, String, String> {
  static final String INCLUDE_DELETED = "includeDeleted";

  @Override
  public String apply(Properties options, String sql) {
    Properties config = new Properties();
    config.putAll(options);
    String listed = (String) config.remove(INCLUDE_DELETED);
    IncludeDeleted.Tables tables = listed == null ? IncludeDeleted.Tables.none() : tables(listed);
    EngineFactory engines = new EngineFactory(SoftDeleteConfig.fromProperties(config));
    try {
      // no database: upserts show as refused, as on a database softdelete cannot tell
      return Explain.text(Explain.of(engines, Dialect.UNKNOWN, sql, tables), tables);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("explain " + e.getMessage(), e);
    }
  }

  private static IncludeDeleted.Tables tables(String listed) {
    try {
      // a list as the agent's options write it (colons), or as a properties file may (commas)
      return IncludeDeleted.tables(listed.split("[:,]", -1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option '" + INCLUDE_DELETED + "' has value '" + listed + "': "
          + e.getMessage().replaceFirst("^softdelete: ", ""), e);
    }
  }
}
