package io.github.softdelete.mybatis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

/** What the configuration tests share: properties from pairs, a rejection with its exact message, a system property. */
final class ConfigFixtures {
  private ConfigFixtures() {}

  static Properties props(String... keysAndValues) {
    Properties props = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      props.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return props;
  }

  static void assertRejected(Properties props, String message) {
    assertThatThrownBy(() -> SoftDeleteConfig.fromProperties(props))
        .isInstanceOf(SoftDeleteException.class)
        .hasMessage(message);
  }

  /** Runs {@code body} with a system property set, and always puts back what was there afterwards. */
  static void withSystemProperty(String name, String value, Runnable body) {
    String previous = System.getProperty(name);
    System.setProperty(name, value);
    try {
      body.run();
    } finally {
      if (previous == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, previous);
      }
    }
  }
}
