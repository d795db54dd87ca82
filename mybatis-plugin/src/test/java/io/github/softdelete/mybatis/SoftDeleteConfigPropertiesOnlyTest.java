package io.github.softdelete.mybatis;

import static io.github.softdelete.mybatis.ConfigFixtures.withSystemProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** fromPropertiesOnly: the given properties and the defaults, never system properties. */
class SoftDeleteConfigPropertiesOnlyTest {
  @Test
  void shouldIgnoreSoftdeleteSystemPropertiesItDoesNotKnow() {
    // Spring Boot sees -Dsoftdelete.live-value and -Dsoftdelete.enabled too, and binds them itself
    withSystemProperty("softdelete.live-value", "0", () ->
        assertThat(SoftDeleteConfig.fromPropertiesOnly(new Properties())).isEqualTo(SoftDeleteConfig.defaults()));
  }

  @Test
  void shouldNotReadKnownKeysFromSystemProperties() {
    withSystemProperty("softdelete.column", "removed_at", () ->
        assertThat(SoftDeleteConfig.fromPropertiesOnly(null).column()).isEqualTo("deleted_at"));
  }

  @Test
  void shouldReadGivenPropertiesAsFromPropertiesDoes() {
    Properties properties = new Properties();
    properties.setProperty("column", "removed");
    properties.setProperty("liveValue", "0");
    properties.setProperty("deletedValue", "1");

    assertThat(SoftDeleteConfig.fromPropertiesOnly(properties)).isEqualTo(SoftDeleteConfig.fromProperties(properties));
  }

  @Test
  void shouldRejectBadValuesWithTheSameText() {
    Properties properties = new Properties();
    properties.setProperty("column", "deleted at");

    assertThatThrownBy(() -> SoftDeleteConfig.fromPropertiesOnly(properties))
        .isInstanceOf(SoftDeleteException.class)
        .hasMessage("softdelete: property 'column' has value 'deleted at': not a SQL identifier");
  }

  @Test
  void shouldRejectUnknownKeys() {
    Properties properties = new Properties();
    properties.setProperty("colum", "x");

    assertThatThrownBy(() -> SoftDeleteConfig.fromPropertiesOnly(properties))
        .isInstanceOf(SoftDeleteException.class)
        .hasMessage("softdelete: unknown property 'colum'; known properties: "
            + String.join(", ", SoftDeleteConfig.keys()));
  }
}
