package io.github.softdelete.mybatis.check;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.jdbc.ScriptRunner;
import org.apache.ibatis.session.Configuration;

/** The check's fixture: a mapper with one refused statement, read as the command line reads it, and its schema. */
final class CheckFixtures {
  static final Path RESOURCES = Path.of("src/test/resources/io/github/softdelete/mybatis/check");
  static final Path MAPPER = RESOURCES.resolve("CheckMapper.xml");
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private CheckFixtures() {}

  static Configuration mapperConfiguration() {
    return read(MAPPER).configuration();
  }

  static MapperXml.Loaded read(Path... paths) {
    try {
      return MapperXml.read(List.of(paths), null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SoftDeleteConfig config(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return SoftDeleteConfig.fromProperties(properties);
  }

  /** A fresh H2 database with the fixture's schema. */
  static PooledDataSource database() {
    PooledDataSource dataSource = new PooledDataSource("org.h2.Driver",
        "jdbc:h2:mem:check" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    try (Connection connection = dataSource.getConnection();
        Reader script = Resources.getResourceAsReader("io/github/softdelete/mybatis/check/schema.sql")) {
      ScriptRunner runner = new ScriptRunner(connection);
      runner.setLogWriter(null);
      runner.setStopOnError(true);
      runner.runScript(script);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
    return dataSource;
  }
}
