package io.github.softdelete.mybatis.check;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.catalog.SoftTables;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.internal.Databases;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;

/**
 * The engine a check asks, built as the interceptor builds its own ({@link EngineFactory},
 * {@link Databases#databaseOf}): on the database of a configuration's DataSource, or from the
 * configuration alone.
 */
public final class CheckEngines {
  private CheckEngines() {}

  /**
   * What to ask, and where.
   *
   * @param database the database product, or {@code offline}
   * @param softTables the soft tables' names, lower case, sorted
   */
  public record Engine(String database, List<String> softTables, Verdicts verdicts) {}

  /** On the database of {@code configuration}'s DataSource; without one, {@link #offline} with no product. */
  public static Engine online(SoftDeleteConfig config, Configuration configuration) {
    Environment environment = configuration.getEnvironment();
    DataSource dataSource = environment == null ? null : environment.getDataSource();
    if (dataSource == null) {
      return offline(config, null);
    }
    EngineFactory engines = new EngineFactory(config);
    try (Connection connection = dataSource.getConnection()) {
      SoftTables tables = engines.tablesFor(connection);
      Databases.Database database = Databases.databaseOf(engines, connection, tables);
      return new Engine(connection.getMetaData().getDatabaseProductName(), names(tables),
          CacheVerdicts.fresh(engines, engines.rewriter(tables, database.dialect(), database.columns(),
              database.relations())));
    } catch (SQLException e) {
      throw new SoftDeleteException("softdelete: the check could not read the database of the configuration's"
          + " DataSource: " + e.getMessage(), e);
    }
  }

  /**
   * From {@code config} alone, on a database of {@code productName} (as JDBC names it; {@code null}: not known).
   *
   * @throws SoftDeleteException when {@code config} needs a database to know its soft tables or their markers
   */
  public static Engine offline(SoftDeleteConfig config, String productName) {
    EngineFactory engines = new EngineFactory(config);
    SqlRewriter rewriter;
    try {
      rewriter = engines.rewriterWithoutDatabase(Dialect.ofProductName(productName));
    } catch (IllegalStateException e) {
      throw new SoftDeleteException("softdelete: a check without a database " + e.getMessage());
    }
    return new Engine(productName == null ? "offline" : productName + " (offline)", names(engines.tablesFor(null)),
        CacheVerdicts.fresh(engines, rewriter));
  }

  private static List<String> names(SoftTables tables) {
    return tables.names().stream().sorted().toList();
  }
}
