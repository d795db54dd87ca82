package io.github.softdelete.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentOptionsTest {
  @TempDir
  Path dir;

  @Test
  void shouldReadNoOptionsAsEmpty() throws Exception {
    assertThat(AgentOptions.parse(null)).isEmpty();
    assertThat(AgentOptions.parse("  ")).isEmpty();
  }

  @Test
  void shouldSplitOptionsAtCommasAndKeepColonsInsideAList() throws Exception {
    Properties options = AgentOptions.parse("column=removed_at, tables=users:orders");

    assertThat(options).containsOnly(entry("column", "removed_at"), entry("tables", "users:orders"));
  }

  @Test
  void shouldLetOptionsWrittenOutWinOverTheConfigFile() throws Exception {
    Path file = Files.writeString(dir.resolve("softdelete.properties"), "column=gone\ntables=users\n");

    Properties options = AgentOptions.parse("config=" + file + ",column=removed_at");

    assertThat(options).containsOnly(entry("column", "removed_at"), entry("tables", "users"));
  }

  @Test
  void shouldNameAnOptionWithoutEqualsSign() {
    assertThatThrownBy(() -> AgentOptions.parse("tables=users,observe"))
        .isInstanceOf(AgentOptions.BadOptionException.class)
        .hasMessage("option 'observe' is not key=value (options: column=removed_at,tables=users:orders or "
            + "config=<path>)");
  }

  @Test
  void shouldNameAConfigFileItCannotRead() {
    Path missing = dir.resolve("missing.properties");

    assertThatThrownBy(() -> AgentOptions.parse("config=" + missing))
        .isInstanceOf(AgentOptions.BadOptionException.class)
        .hasMessageStartingWith("option 'config' has value '" + missing + "': cannot read it (");
  }

  private static java.util.Map.Entry<Object, Object> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }
}
