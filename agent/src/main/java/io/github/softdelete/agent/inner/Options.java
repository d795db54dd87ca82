package io.github.softdelete.agent.inner;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import java.util.Properties;
import java.util.function.Function;

/** Checks the agent's options: the effective configuration as text, or the config's own error. */
public final class Options implements Function<Properties, String> {
  @Override
  public String apply(Properties options) {
    return SoftDeleteConfig.fromProperties(options).toString();
  }
}
