package io.github.softdelete.mybatis.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The purge command needs only the library and the JDBC driver: in a JVM without MyBatis it reads the
 * configuration keys (per-table markers too) through the same reader as the plugin, and names a bad one.
 */
class PurgeWithoutMyBatisTest {
  private static final String MYBATIS_CLASS = "org/apache/ibatis/exceptions/PersistenceException.class";
  private static final String URL = "jdbc:h2:mem:nomybatis;INIT="
      + "CREATE TABLE docs (id INT PRIMARY KEY, deleted_at TIMESTAMP)\\;"
      + "CREATE TABLE orders (id INT PRIMARY KEY, is_deleted INT NOT NULL, deleted_at TIMESTAMP)\\;"
      + "INSERT INTO docs VALUES (1, NULL), (2, TIMESTAMP '2020-01-01 00:00:00')\\;"
      + "INSERT INTO orders VALUES (1, 0, NULL), (2, 1, TIMESTAMP '2020-01-01 00:00:00'), (3, 1, NULL)";

  @Test
  void shouldPurgeATableByItsOwnFlagMarkerWithoutMyBatisOnTheClassPath() throws Exception {
    Result result = purge("--url", URL, "--user", "sa", "--tables", "docs,orders", "--older-than", "30d",
        "--table.orders.column", "is_deleted", "--table.orders.liveValue", "0",
        "--table.orders.deletedAtColumn", "deleted_at");

    assertThat(result.err()).isEmpty();
    assertThat(result.status()).isZero();
    // orders 3 is flagged but has no deletion time: never older than the retention, so it stays
    assertThat(result.out()).last().asString().endsWith(": docs 1 (1 batch), orders 1 (1 batch)");
  }

  @Test
  void shouldNameABadKeyWithoutMyBatisOnTheClassPath() throws Exception {
    Result result = purge("--url", URL, "--tables", "orders", "--older-than", "30d",
        "--table.orders.liveValue", "0;");

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err()).first().isEqualTo("softdelete: property 'table.orders.liveValue' has value '0;':"
        + " comments and semicolons are not allowed in a SQL expression");
  }

  private record Result(int status, List<String> out, List<String> err) {}

  private static Result purge(String... args) throws IOException, InterruptedException {
    String classPath = withoutMyBatis(System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, PurgeCommand.class.getName()));
    command.addAll(Arrays.asList(args));
    Path dir = Files.createTempDirectory("purge-without-mybatis");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int status = process.waitFor();
    return new Result(status, Files.readAllLines(out, StandardCharsets.UTF_8),
        Files.readAllLines(err, StandardCharsets.UTF_8));
  }

  /** The class path with every entry that holds MyBatis left out; checked, so that the test means what it says. */
  private static String withoutMyBatis(String classPath) throws IOException {
    List<String> kept = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!holdsMyBatis(entry)) {
        kept.add(entry);
      }
    }
    assertThat(kept).hasSizeLessThan(classPath.split(File.pathSeparator).length);
    return String.join(File.pathSeparator, kept);
  }

  private static boolean holdsMyBatis(String entry) throws IOException {
    File file = new File(entry);
    if (file.isDirectory()) {
      return new File(file, MYBATIS_CLASS).exists();
    }
    if (!file.isFile()) {
      return false;
    }
    try (JarFile jar = new JarFile(file)) {
      return jar.getEntry(MYBATIS_CLASS) != null;
    }
  }
}
