package io.github.softdelete.demo.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.jdbc.ScriptRunner;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;

/**
 * A fresh in-memory H2 database with the application's schema and sample data, and the MyBatis
 * session factory built from the given configuration file.
 */
public final class AppDatabase {
  // every database gets its own name, so stories run in one JVM (the tests) never share rows
  private static final AtomicInteger NEXT = new AtomicInteger();

  private final String url;
  private final SqlSessionFactory sessions;

  private AppDatabase(String url, SqlSessionFactory sessions) {
    this.url = url;
    this.sessions = sessions;
  }

  /** Builds MyBatis from {@code configResource} (a classpath resource) on a new database. */
  public static AppDatabase create(String configResource) {
    String name = "demo" + NEXT.incrementAndGet();
    // kept alive until the JVM exits, so the database outlives any single connection
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    Properties variables = new Properties();
    variables.setProperty("url", url);
    try (InputStream config = Resources.getResourceAsStream(configResource)) {
      AppDatabase database = new AppDatabase(url, new SqlSessionFactoryBuilder().build(config, variables));
      database.runScript("io/github/softdelete/demo/app/schema.sql");
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public SqlSessionFactory sessions() {
    return sessions;
  }

  /** The JDBC URL, for looking at the tables without MyBatis. */
  public String url() {
    return url;
  }

  // plain JDBC: the schema script does not go through MyBatis or its plugins
  private void runScript(String resource) throws IOException {
    try (Connection connection = sessions.getConfiguration().getEnvironment().getDataSource().getConnection();
        Reader script = new InputStreamReader(Resources.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      ScriptRunner runner = new ScriptRunner(connection);
      runner.setLogWriter(null);
      runner.setErrorLogWriter(new PrintWriter(Writer.nullWriter()));
      runner.setStopOnError(true);
      runner.setAutoCommit(true);
      runner.runScript(script);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the demo schema", e);
    }
  }
}
