package io.github.softdelete.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What a story observed, as plain key/value pairs, so that the tests check the same facts whether the story
 * ran in their JVM (interceptor) or in a child JVM with the agent (which writes them to a file).
 */
final class Facts {
  private final Properties values = new Properties();

  void put(String key, Object value) {
    values.setProperty(key, value instanceof Collection<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
        : String.valueOf(value));
  }

  /** The value recorded under {@code key}; fails when the story never recorded it. */
  String get(String key) {
    String value = values.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("the story recorded no fact '" + key + "'; it has: "
          + values.stringPropertyNames());
    }
    return value;
  }

  List<String> list(String key) {
    String value = get(key);
    return value.isEmpty() ? List.of() : List.of(value.split(","));
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  void store(Path file) {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      values.store(writer, "facts of the soft-delete story");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Facts load(Path file) {
    Facts facts = new Facts();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      facts.values.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return facts;
  }
}
