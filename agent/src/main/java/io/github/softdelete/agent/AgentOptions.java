package io.github.softdelete.agent;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The agent's option string, JaCoCo style: {@code column=removed_at,tables=users:orders} (commas between options,
 * colons inside a list), and {@code config=<path>} to a properties file with the same keys. Options written out
 * win over the file. The keys themselves are checked by {@code SoftDeleteConfig}, not here.
 */
final class AgentOptions {
  static final String CONFIG = "config";

  private AgentOptions() {}

  static Properties parse(String options) throws BadOptionException {
    Properties given = new Properties();
    String configPath = null;
    if (options != null && !options.isBlank()) {
      for (String option : options.split(",")) {
        int eq = option.indexOf('=');
        if (eq <= 0) {
          throw new BadOptionException("option '" + option.strip() + "' is not key=value (options: "
              + "column=removed_at,tables=users:orders or config=<path>)");
        }
        String key = option.substring(0, eq).strip();
        String value = option.substring(eq + 1).strip();
        if (key.equals(CONFIG)) {
          configPath = value;
        } else {
          given.setProperty(key, value);
        }
      }
    }
    if (configPath == null) {
      return given;
    }
    Properties merged = readFile(configPath);
    merged.putAll(given);
    return merged;
  }

  private static Properties readFile(String path) throws BadOptionException {
    Properties file = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
      file.load(reader);
    } catch (IOException | RuntimeException e) {
      throw new BadOptionException("option 'config' has value '" + path + "': cannot read it (" + e + ")");
    }
    return file;
  }

  /** An option the agent cannot use; its message names the option. */
  static final class BadOptionException extends Exception {
    private static final long serialVersionUID = 1L;

    BadOptionException(String message) {
      super(message, null, false, false);
    }
  }
}
