package io.github.softdelete.mybatis.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ibatis.builder.CacheRefResolver;
import org.apache.ibatis.builder.ResultMapResolver;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.builder.xml.XMLStatementBuilder;
import org.apache.ibatis.session.Configuration;

/**
 * A MyBatis {@link Configuration} built from mapper XML files alone, as the application's would be: no
 * DataSource, no {@code mybatis-config.xml}, and the application's classes stood in for
 * ({@link StubClassLoader}) where they are not on the class path. A {@code <cache type="...">} becomes MyBatis's
 * own cache, which has nothing to do with the SQL.
 */
public final class MapperXml {
  private static final Pattern CACHE = Pattern.compile("<cache(\\s[^>]*?)?(/>|>.*?</cache\\s*>)", Pattern.DOTALL);
  private static final Pattern FIRST_ELEMENT =
      Pattern.compile("\\A(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>\\[]*(?:\\[.*?\\])?\\s*>)*<([\\w:.-]+)", Pattern.DOTALL);

  private MapperXml() {}

  /**
   * @param files the mapper files read
   * @param failures each file or statement that could not be read, with why
   * @param stubbed the application's classes the mappers name that were stood in for
   */
  public record Loaded(Configuration configuration, List<Path> files, List<String> failures, Set<String> stubbed) {}

  /**
   * Reads the mapper files among {@code paths}: each file given, and the {@code .xml} files under each folder
   * whose root element is {@code <mapper>} (others, such as {@code mybatis-config.xml}, are passed over).
   *
   * @param databaseId the {@code databaseId} whose statements to take, as {@code databaseIdProvider} would
   *     give it; {@code null}: the statements without one
   * @param classes where the application's classes are, or {@code null}
   * @throws IOException when a path cannot be listed
   */
  public static Loaded read(List<Path> paths, String databaseId, ClassLoader classes) throws IOException {
    List<Path> files = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          for (Path file : walk.filter(p -> p.toString().endsWith(".xml") && Files.isRegularFile(p)).sorted().toList()) {
            if ("mapper".equals(rootElement(file))) {
              files.add(file);
            }
          }
        }
      } else if (!Files.isRegularFile(path)) {
        failures.add(path + ": no such file or folder");
      } else {
        String root = rootElement(path);
        if ("mapper".equals(root)) {
          files.add(path);
        } else {
          failures.add(path + ": not a MyBatis mapper (its root element is <" + root + ">)");
        }
      }
    }
    Configuration configuration = new Configuration();
    if (databaseId != null) {
      configuration.setDatabaseId(databaseId);
    }
    StubClassLoader stubs = new StubClassLoader(classes != null ? classes : Configuration.class.getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    // MyBatis resolves type names through the context class loader before its own
    thread.setContextClassLoader(stubs);
    try {
      for (Path file : files) {
        try (InputStream in = new ByteArrayInputStream(withPlainCaches(Files.readAllBytes(file)))) {
          new XMLMapperBuilder(in, configuration, file.toString(), configuration.getSqlFragments()).parse();
        } catch (IOException | RuntimeException e) {
          failures.add(file + ": " + message(e));
        }
      }
      buildPending(configuration, failures);
    } finally {
      thread.setContextClassLoader(before);
    }
    return new Loaded(configuration, List.copyOf(files), List.copyOf(failures), stubs.stubbed());
  }

  // what waits on another file (an <include>, a result map's extends, a cache-ref) and never came
  private static void buildPending(Configuration configuration, List<String> failures) {
    for (XMLStatementBuilder statement : new ArrayList<>(configuration.getIncompleteStatements())) {
      try {
        statement.parseStatementNode();
      } catch (RuntimeException e) {
        failures.add("a statement could not be built: " + message(e));
      }
    }
    configuration.getIncompleteStatements().clear();
    for (ResultMapResolver resultMap : new ArrayList<>(configuration.getIncompleteResultMaps())) {
      try {
        resultMap.resolve();
      } catch (RuntimeException e) {
        failures.add("a result map could not be built: " + message(e));
      }
    }
    configuration.getIncompleteResultMaps().clear();
    for (CacheRefResolver cacheRef : new ArrayList<>(configuration.getIncompleteCacheRefs())) {
      try {
        cacheRef.resolveCacheRef();
      } catch (RuntimeException e) {
        failures.add("a cache-ref could not be resolved: " + message(e));
      }
    }
    configuration.getIncompleteCacheRefs().clear();
    configuration.getIncompleteMethods().clear();
  }

  // byte for byte but the <cache> elements: ISO-8859-1 maps each byte to one char and back
  private static byte[] withPlainCaches(byte[] xml) {
    String text = new String(xml, StandardCharsets.ISO_8859_1);
    Matcher cache = CACHE.matcher(text);
    return cache.find() ? cache.replaceAll("<cache/>").getBytes(StandardCharsets.ISO_8859_1) : xml;
  }

  /** The name of the root element ({@code mapper}), or {@code null} when the file does not start like XML. */
  static String rootElement(Path file) {
    try {
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(16_384);
      }
      Matcher matcher = FIRST_ELEMENT.matcher(new String(head, StandardCharsets.ISO_8859_1).replace("\uFEFF", ""));
      return matcher.find() ? matcher.group(1) : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String message(Throwable e) {
    // MyBatis wraps with "### Error building SqlSession..." paragraphs; the first line and the innermost say it
    String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst()
        .orElse("");
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String inner = root == e || root.getMessage() == null ? null : root.getMessage().strip().lines().findFirst()
        .orElse(null);
    return inner == null || top.contains(inner) ? top : top + " (" + inner + ")";
  }
}
