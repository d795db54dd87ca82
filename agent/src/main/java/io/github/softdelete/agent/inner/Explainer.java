package io.github.softdelete.agent.inner;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.engine.Explain;
import io.github.softdelete.mybatis.rewrite.Dialect;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * {@code explain}: per mode, the statements the interceptor would run (a cascade's too, in order) or why it
 * would refuse, from the engine the interceptor itself builds.
 */
public final class Explainer implements BiFunction<Properties, String, String> {
  @Override
  public String apply(Properties options, String sql) {
    EngineFactory engines = new EngineFactory(SoftDeleteConfig.fromProperties(options));
    try {
      // no database: upserts show as refused, as on a database softdelete cannot tell
      return Explain.text(Explain.of(engines, Dialect.UNKNOWN, sql));
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("explain " + e.getMessage(), e);
    }
  }
}
