package io.github.softdelete.mybatis.fuzz;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.it.Databases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * The fuzz tables in a schema (MariaDB: a database) of their own, filled with fixed rows, and a MyBatis
 * factory with the interceptor on top, the soft tables' markers configured or detected.
 */
final class FuzzDatabase implements AutoCloseable {
  /**
   * One per JVM: a fuzz run holds transactions open for minutes, and two runs on one server (two builds of
   * one machine) would otherwise drop each other's schema and wait on each other's locks for ever.
   */
  static final String SCHEMA = "softdelete_fuzz_" + ProcessHandle.current().pid();

  private final Dialect dialect;
  private final Connection admin;
  private final String url;
  private final String user;

  private FuzzDatabase(Dialect dialect, Connection admin, String url, String user) {
    this.dialect = dialect;
    this.admin = admin;
    this.url = url;
    this.user = user;
  }

  static FuzzDatabase create(Dialect dialect) throws SQLException {
    FuzzDatabase db = switch (dialect) {
      case H2 -> {
        String url = "jdbc:h2:mem:" + SCHEMA + ";DB_CLOSE_DELAY=-1";
        yield new FuzzDatabase(dialect, DriverManager.getConnection(url, "sa", ""), url, "sa");
      }
      case POSTGRES -> {
        Connection admin = Databases.postgres();
        execute(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        // tables this small, unanalysed, look big to the planner, which then JIT-compiles every statement:
        // most of the run went there (results do not depend on the plan)
        yield new FuzzDatabase(dialect, admin, Databases.POSTGRES_URL + "&currentSchema=" + SCHEMA
            + "&options=-c%20jit%3Doff", "postgres");
      }
      case MARIADB -> {
        Connection admin = Databases.mariaDb();
        execute(admin, "DROP DATABASE IF EXISTS " + SCHEMA, "CREATE DATABASE " + SCHEMA);
        // MariaDB 10.11 merging derived tables into their outer query got results wrong (seed 507002449: a
        // constant column of a derived table on the nullable side of a LEFT JOIN); materialised, the same
        // statements give the right rows (results do not depend on the plan)
        yield new FuzzDatabase(dialect, admin, Databases.MARIADB_URL.replace("/test?", "/" + SCHEMA + "?")
            + "&sessionVariables=optimizer_switch='derived_merge=off'", "root");
      }
    };
    db.load();
    return db;
  }

  Dialect dialect() {
    return dialect;
  }

  /** The two ways the fuzzed schema's markers reach the interceptor; each seed runs under one of them. */
  enum Markers {
    /** {@code users} listed with the global column, orders and tags by per-table keys, every value spelt out. */
    CONFIGURED,
    /**
     * Each marker column found by the candidates, its values from its type; only the CHAR values of tags, which
     * no type implies, configured (which also makes tags soft).
     */
    DETECTED;

    /** Alternating in runs of four seeds, so that each scope of the DML cases (seed % 4) meets both. */
    static Markers forSeed(long seed) {
      return Math.floorMod(seed / 4, 2) == 0 ? CONFIGURED : DETECTED;
    }
  }

  /** How markers are registered and whether the application's own marker tests are respected. */
  record Registration(Markers markers, boolean respectExplicitMarkers) {
    /** Both {@code explicitMarker} settings in runs of eight seeds, so that each meets both {@link Markers}. */
    static Registration forSeed(long seed) {
      return new Registration(Markers.forSeed(seed), Math.floorMod(seed / 8, 2) == 0);
    }

    static List<Registration> all() {
      List<Registration> all = new ArrayList<>();
      for (Markers markers : Markers.values()) {
        all.add(new Registration(markers, true));
        all.add(new Registration(markers, false));
      }
      return all;
    }

    @Override
    public String toString() {
      return "markers " + markers.name().toLowerCase(Locale.ROOT) + ", explicitMarker="
          + (respectExplicitMarkers ? "respect" : "filter");
    }
  }

  SqlSessionFactory factory(Registration registration) {
    Markers markers = registration.markers();
    Properties props = new Properties();
    FuzzMarker tags = FuzzTable.TAGS.marker;
    if (markers == Markers.CONFIGURED) {
      props.setProperty("tables", FuzzTable.USERS.sqlName);
      props.setProperty("column", FuzzTable.USERS.marker.column());
      props.setProperty("table.orders.column", FuzzTable.ORDERS.marker.column());
      props.setProperty("table.orders.liveValue", FuzzTable.ORDERS.marker.liveValue());
      props.setProperty("table.orders.deletedValue", FuzzTable.ORDERS.marker.deletedValue());
      props.setProperty("table.tags.column", tags.column());
    } else {
      props.setProperty("column", "deleted_at:is_deleted:del_flag");
    }
    props.setProperty("table.tags.liveValue", tags.liveValue());
    props.setProperty("table.tags.deletedValue", tags.deletedValue());
    // the generator writes predicates on marker columns on purpose; under respect the oracle reads the
    // references whose own block tests their marker as written, under filter it filters every reference
    props.setProperty("explicitMarker", registration.respectExplicitMarkers() ? "respect" : "filter");
    Configuration configuration = new Configuration(new Environment("fuzz", new JdbcTransactionFactory(),
        new UnpooledDataSource(driver(), url, user, "")));
    // rows compared with JDBC's: keep NULL columns and all-NULL rows
    configuration.setCallSettersOnNulls(true);
    configuration.setReturnInstanceForEmptyRow(true);
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(props)));
    configuration.addMapper(FuzzMapper.class);
    return new SqlSessionFactoryBuilder().build(configuration);
  }

  private String driver() {
    return switch (dialect) {
      case H2 -> "org.h2.Driver";
      case POSTGRES -> "org.postgresql.Driver";
      case MARIADB -> "org.mariadb.jdbc.Driver";
    };
  }

  /** Small tables with small values, so that joins match, NULLs occur, and a third of the rows are marked. */
  private void load() throws SQLException {
    String prefix = dialect == Dialect.H2 ? "" : SCHEMA + ".";
    Random random = new Random(20261127);
    int[] sizes = {7, 9, 6, 5};
    FuzzTable[] tables = FuzzTable.values();
    for (int t = 0; t < tables.length; t++) {
      FuzzTable table = tables[t];
      String name = prefix + table.sqlName;
      execute(admin, "CREATE TABLE " + name + " (id INT PRIMARY KEY, k INT NULL, v INT NULL, "
          + table.marker.definition(dialect) + ")");
      for (int id = 1; id <= sizes[t]; id++) {
        String k = random.nextInt(6) == 0 ? "NULL" : Integer.toString(1 + random.nextInt(7));
        String v = random.nextInt(8) == 0 ? "NULL" : Integer.toString(random.nextInt(7));
        boolean marked = random.nextInt(3) == 0;
        String time = marked ? "2020-01-0" + (1 + random.nextInt(9)) + " 00:00:00" : null;
        execute(admin, "INSERT INTO " + name + " VALUES (" + id + ", " + k + ", " + v + ", "
            + table.marker.literal(marked, time) + ")");
      }
      if (dialect != Dialect.H2) {
        execute(admin, "ANALYZE " + (dialect == Dialect.MARIADB ? "TABLE " : "") + name);
      }
    }
    // the upserts' oracle: the same statement on a copy of the live rows of users, refilled per case
    execute(admin, "CREATE TABLE " + prefix + "users_copy (id INT PRIMARY KEY, k INT NULL, v INT NULL,"
        + " " + FuzzTable.USERS.marker.definition(dialect) + ")");
  }

  static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      switch (dialect) {
        case H2 -> execute(admin, "DROP ALL OBJECTS");
        case POSTGRES -> execute(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        case MARIADB -> execute(admin, "DROP DATABASE IF EXISTS " + SCHEMA);
      }
    } finally {
      admin.close();
    }
  }
}
