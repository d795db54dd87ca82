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
  void shouldReadPerTableOptionsIntoTheConfiguration() throws Exception {
    Properties options = AgentOptions.parse("column=deleted_at:is_deleted:del_flag,"
        + "table.sys_user.liveValue='0',table.sys_user.deletedValue='2',table.app.orders.deletedByColumn=who");

    assertThat(io.github.softdelete.mybatis.SoftDeleteConfig.fromPropertiesOnly(options)).hasToString(
        "column=deleted_at:is_deleted:del_flag, tables=(detect), liveValue=(by type), deletedValue=(by type),"
            + " cacheSize=10000, onUnparseableSelect=fail, parseTimeoutMillis=5000, mode=enforce,"
            + " table.app.orders.deletedByColumn=who, table.sys_user.liveValue='0', table.sys_user.deletedValue='2'");
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
