package io.github.softdelete.compat.shardingsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.softdelete.mybatis.Purge;
import io.github.softdelete.mybatis.PurgeException;
import io.github.softdelete.mybatis.PurgeReport;
import io.github.softdelete.mybatis.purge.PurgeCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Purge} run on a ShardingSphere-JDBC DataSource, on one server: every actual table of each logical table
 * on every shard is purged, each row exactly once, and archived where the configuration says (a bound logical
 * archive, or {@code <actual table>_archive} beside the actual table). A subclass per server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShardedPurgeSuite {
  private static final DatabaseNames NAMES = new DatabaseNames("softdelete_ss_sharding_purge");
  private static final String OLD = "2020-01-0";
  private static final String BOUND = "      - t_order,t_order_archive";
  private static final String UNBOUND = "      - t_order,t_order_item";

  /** Each shard's actual tables, with the archive each is purged into. */
  private static final List<Map<String, String>> ARCHIVE_OF = List.of(
      Map.of("t_order_0", "t_order_archive_0", "t_order_1", "t_order_archive_1",
          "t_order_item_0", "t_order_item_0_archive", "t_order_item_1", "t_order_item_1_archive",
          "t_product", "t_product_archive", "t_user", "t_user_archive"),
      Map.of("t_order_0", "t_order_archive_0", "t_order_1", "t_order_archive_1",
          "t_order_item_0", "t_order_item_0_archive", "t_order_item_1", "t_order_item_1_archive",
          "t_product", "t_product_archive"));

  private static final Map<String, String> COLUMNS = Map.of(
      "t_order", "order_id INT PRIMARY KEY, user_id INT NOT NULL, status VARCHAR(12) NOT NULL,"
          + " deleted_at TIMESTAMP NULL",
      "t_order_item", "item_id INT PRIMARY KEY, order_id INT NOT NULL, user_id INT NOT NULL,"
          + " deleted_at TIMESTAMP NULL",
      "t_product", "sku VARCHAR(4) PRIMARY KEY, title VARCHAR(20) NOT NULL, deleted_at TIMESTAMP NULL",
      "t_user", "user_id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, deleted_at TIMESTAMP NULL");

  @TempDir
  Path dir;

  private DataSource sharded;

  abstract Server server();

  @BeforeAll
  void createDatabases() throws SQLException {
    try (Connection admin = server().admin(); Statement statement = admin.createStatement()) {
      for (int shard = 0; shard < Server.SHARDS; shard++) {
        server().recreateDatabase(statement, NAMES.shard(shard));
      }
    }
    for (int shard = 0; shard < Server.SHARDS; shard++) {
      try (Connection connection = server().connect(NAMES.shard(shard));
          Statement statement = connection.createStatement()) {
        for (Map.Entry<String, String> table : ARCHIVE_OF.get(shard).entrySet()) {
          String columns = COLUMNS.get(logical(table.getKey()));
          statement.execute("CREATE TABLE " + table.getKey() + " (" + columns + ")");
          statement.execute("CREATE TABLE " + table.getValue() + " (" + columns + ", archived_at TIMESTAMP NULL)");
        }
      }
    }
    sharded = shardingSphere(yaml("", BOUND));
  }

  @AfterAll
  void dropDatabases() throws Exception {
    if (sharded != null) {
      ((AutoCloseable) sharded).close();
    }
    try (Connection admin = server().admin(); Statement statement = admin.createStatement()) {
      for (int shard = 0; shard < Server.SHARDS; shard++) {
        server().dropDatabase(statement, NAMES.shard(shard));
      }
    }
  }

  /**
   * Empty tables, then the rows inserted through ShardingSphere: of every table some deleted in 2020, some
   * deleted yesterday, some live.
   */
  @BeforeEach
  void resetRows() throws SQLException {
    for (int shard = 0; shard < Server.SHARDS; shard++) {
      try (Connection connection = server().connect(NAMES.shard(shard));
          Statement statement = connection.createStatement()) {
        for (Map.Entry<String, String> table : ARCHIVE_OF.get(shard).entrySet()) {
          statement.execute("DELETE FROM " + table.getKey());
          statement.execute("DELETE FROM " + table.getValue());
        }
      }
    }
    LocalDateTime yesterday = LocalDateTime.now().minusDays(1);
    try (Connection connection = sharded.getConnection()) {
      for (int user = 1; user <= 6; user++) {
        insert(connection, "INSERT INTO t_user (user_id, name, deleted_at) VALUES (?, ?, ?)", user, "user" + user,
            deletedAt(user, yesterday));
      }
      for (int order = 1; order <= 40; order++) {
        int user = userOf(order);
        insert(connection, "INSERT INTO t_order (order_id, user_id, status, deleted_at) VALUES (?, ?, ?, ?)",
            order, user, "NEW", deletedAt(order, yesterday));
        for (int item = order * 10 + 1; item <= order * 10 + 2; item++) {
          insert(connection, "INSERT INTO t_order_item (item_id, order_id, user_id, deleted_at) VALUES (?, ?, ?, ?)",
              item, order, user, deletedAt(item + order, yesterday));
        }
      }
      for (int product = 1; product <= 10; product++) {
        insert(connection, "INSERT INTO t_product (sku, title, deleted_at) VALUES (?, ?, ?)",
            "P" + product, "product " + product, deletedAt(product, yesterday));
      }
    }
  }

  /** The user of an order: both parities with orders of both parities, so that every actual table has rows. */
  private static int userOf(int order) {
    return order / 2 % 6 + 1;
  }

  /** A third deleted in 2020, a few yesterday, the rest live. */
  private static Object deletedAt(int n, LocalDateTime yesterday) {
    if (n % 3 == 0) {
      return LocalDateTime.parse("2020-01-0" + (n % 9 + 1) + "T10:00:00");
    }
    return n % 5 == 1 ? yesterday : null;
  }

  @Test
  void shouldPurgeEveryActualTableOfEveryShardIntoItsArchive() throws SQLException {
    // given
    Map<String, List<String>> before = actualTables();
    Map<String, List<String>> purgeable = deletedIn2020(before);
    assertThat(purgeable).hasSize(11).allSatisfy((archive, rows) -> assertThat(rows).as(archive).isNotEmpty());

    // when
    PurgeReport report = purge(sharded, "_archive", 7);

    // then: every shard lost exactly its rows deleted in 2020, and each archive holds exactly those of its table
    assertThat(actualTables()).isEqualTo(without(before, purgeable));
    assertThat(archives()).isEqualTo(purgeable);
    assertThat(report.total()).isEqualTo(purgeable.values().stream().mapToLong(List::size).sum());
    // each logical table's actual tables in turn, children first (in ShardingSphere's order of its data nodes)
    List<String> purged = report.tables().stream().map(PurgeReport.Table::table).toList();
    assertThat(purged.subList(0, 4)).containsExactlyInAnyOrder(
        "ds_0.t_order_item_0", "ds_0.t_order_item_1", "ds_1.t_order_item_0", "ds_1.t_order_item_1");
    assertThat(purged.subList(4, 8)).containsExactlyInAnyOrder(
        "ds_0.t_order_0", "ds_0.t_order_1", "ds_1.t_order_0", "ds_1.t_order_1");
    assertThat(purged.subList(8, 11)).containsExactlyInAnyOrder("ds_0.t_product", "ds_1.t_product", "ds_0.t_user");
    assertThat(purged.get(10)).isEqualTo("ds_0.t_user");
    Map<String, String> archiveOf = new TreeMap<>();
    report.tables().forEach(t -> archiveOf.put(t.table(), t.archiveTable()));
    assertThat(archiveOf).containsOnly(
        Map.entry("ds_0.t_order_item_0", "ds_0.t_order_item_0_archive"),
        Map.entry("ds_0.t_order_item_1", "ds_0.t_order_item_1_archive"),
        Map.entry("ds_1.t_order_item_0", "ds_1.t_order_item_0_archive"),
        Map.entry("ds_1.t_order_item_1", "ds_1.t_order_item_1_archive"),
        Map.entry("ds_0.t_order_0", "ds_0.t_order_archive_0"),
        Map.entry("ds_0.t_order_1", "ds_0.t_order_archive_1"),
        Map.entry("ds_1.t_order_0", "ds_1.t_order_archive_0"),
        Map.entry("ds_1.t_order_1", "ds_1.t_order_archive_1"),
        Map.entry("ds_0.t_product", "ds_0.t_product_archive"),
        Map.entry("ds_1.t_product", "ds_1.t_product_archive"),
        Map.entry("ds_0.t_user", "ds_0.t_user_archive"));
    // the bound logical archive: ShardingSphere finds each archived order by its sharding keys
    try (Connection connection = sharded.getConnection()) {
      for (String row : purgeable.entrySet().stream().filter(e -> e.getKey().contains("t_order_archive"))
          .flatMap(e -> e.getValue().stream()).toList()) {
        int order = Integer.parseInt(row);
        assertThat(count(connection, "SELECT COUNT(*) FROM t_order_archive WHERE order_id = " + order
            + " AND user_id = " + userOf(order))).as("order %s through t_order_archive", order).isEqualTo(1);
      }
    }
  }

  @Test
  void shouldPurgeEveryActualTableOfEveryShardWithoutArchive() throws SQLException {
    // given
    Map<String, List<String>> before = actualTables();
    Map<String, List<String>> purgeable = deletedIn2020(before);

    // when
    PurgeReport report = purge(sharded, null, 5);

    // then
    assertThat(actualTables()).isEqualTo(without(before, purgeable));
    assertThat(archives().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
    assertThat(report.total()).isEqualTo(purgeable.values().stream().mapToLong(List::size).sum());
    assertThat(report.tables()).hasSize(11).allSatisfy(t -> assertThat(t.archiveTable()).isNull());
  }

  @Test
  void shouldArchiveEachRowOnceWhenTwoPurgesRunAtOnceThroughShardingSphere() throws Exception {
    // given
    Map<String, List<String>> before = actualTables();
    Map<String, List<String>> purgeable = deletedIn2020(before);

    // when: two purges together, in batches of 2, each through its own ShardingSphere connections
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<PurgeReport>> runs = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> purge(sharded, "_archive", 2)));
      }
      long total = 0;
      for (Future<PurgeReport> run : runs) {
        total += run.get().total();
      }

      // then: between them every row purged once, archived once (the archives' keys would refuse a second copy)
      assertThat(total).isEqualTo(purgeable.values().stream().mapToLong(List::size).sum());
    } finally {
      pool.shutdownNow();
    }
    assertThat(actualTables()).isEqualTo(without(before, purgeable));
    assertThat(archives()).isEqualTo(purgeable);
  }

  @Test
  void shouldCountEveryShardInADryRunAndChangeNothing() throws SQLException {
    Map<String, List<String>> before = actualTables();
    long purgeable = deletedIn2020(before).values().stream().mapToLong(List::size).sum();

    PurgeReport report = Purge.builder().tables("t_order_item", "t_order", "t_product", "t_user")
        .olderThan(Duration.ofDays(30)).archiveSuffix("_archive").dryRun(true).build().run(sharded);

    assertThat(report.total()).isEqualTo(purgeable);
    assertThat(actualTables()).isEqualTo(before);
    assertThat(archives().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
  }

  @Test
  void shouldRefuseAShardedArchiveThatShardingSphereDoesNotBindToItsTable() throws Exception {
    // given: t_order_archive sharded, but bound to nothing: no way to tell which of its tables pairs with t_order_0
    Map<String, List<String>> before = actualTables();
    DataSource unbound = shardingSphere(yaml("_unbound", UNBOUND));
    try {
      // when
      PurgeException refused = catchThrowableOfType(() -> purge(unbound, "_archive", 7), PurgeException.class);

      // then: refused before any shard changed
      assertThat(refused).hasMessage("softdelete purge: archive table 't_order_archive' of table 't_order' is a"
          + " ShardingSphere-JDBC table of database '" + databaseName("_unbound") + "' but not bound to 't_order',"
          + " so purge cannot tell which of its actual tables would hold a row of ds_0.t_order_0; declare them"
          + " binding tables (bindingTables: - t_order,t_order_archive) sharded alike, or drop 't_order_archive'"
          + " from the rules to archive each actual table into <actual table>_archive in its own database");
      assertThat(actualTables()).isEqualTo(before);
      assertThat(archives().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
    } finally {
      ((AutoCloseable) unbound).close();
    }
  }

  @Test
  void shouldRefuseATableThatIsNoLogicalTableOfShardingSphere() throws SQLException {
    Map<String, List<String>> before = actualTables();

    PurgeException refused = catchThrowableOfType(() -> Purge.builder().tables("t_order_0")
        .olderThan(Duration.ofDays(30)).build().run(sharded), PurgeException.class);

    assertThat(refused).hasMessage("softdelete purge: table 't_order_0' is not a logical table of ShardingSphere-JDBC"
        + " database '" + databaseName("") + "' (sharded, broadcast or single), so purge cannot tell which databases"
        + " hold its rows; name a logical table from its rules, or purge each database by its own URL");
    assertThat(actualTables()).isEqualTo(before);
  }

  @Test
  void shouldRefuseToOrderByForeignKeysThroughShardingSphere() throws SQLException {
    Map<String, List<String>> before = actualTables();

    PurgeException refused = catchThrowableOfType(() -> Purge.builder().tables("t_order")
        .olderThan(Duration.ofDays(30)).orderByForeignKeys(true).build().run(sharded), PurgeException.class);

    assertThat(refused).hasMessage("softdelete purge: cascade=detect reads foreign keys, which a ShardingSphere-JDBC"
        + " DataSource cannot show for certain; list the tables children first, or declare the cascades");
    assertThat(actualTables()).isEqualTo(before);
  }

  @Test
  void shouldPurgeEveryShardFromTheCommandLineThroughAShardingSphereUrl() throws IOException, SQLException {
    // given: the YAML in a file, and ShardingSphere's driver on the class path
    Map<String, List<String>> before = actualTables();
    Map<String, List<String>> purgeable = deletedIn2020(before);
    Path yaml = Files.writeString(dir.resolve("sharding.yaml"), yaml("_cli", BOUND));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    // when
    int status = PurgeCommand.run(new String[] {"--url", "jdbc:shardingsphere:absolutepath:" + yaml,
        "--tables", "t_order_item,t_order,t_product,t_user", "--older-than", "30d", "--archive-suffix", "_archive",
        "--batch-size", "50"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);

    // then
    String output = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as("exit status; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> lines = output.lines().toList();
    assertThat(lines.get(lines.size() - 1)).startsWith("purged " + purgeable.values().stream()
        .mapToLong(List::size).sum() + " rows deleted before ").contains("ds_1.t_order_1 ", "ds_0.t_user ");
    System.out.println("ShardedPurgeSuite " + server() + " command line output:\n" + output);
    assertThat(actualTables()).isEqualTo(without(before, purgeable));
    assertThat(archives()).isEqualTo(purgeable);
  }

  private static PurgeReport purge(DataSource dataSource, String archiveSuffix, int batchSize) {
    Purge.Builder builder = Purge.builder().tables("t_order_item", "t_order", "t_product", "t_user")
        .olderThan(Duration.ofDays(30)).batchSize(batchSize);
    if (archiveSuffix != null) {
      builder.archiveSuffix(archiveSuffix);
    }
    return builder.build().run(dataSource);
  }

  /** The primary keys of every actual table, by {@code ds_<n>.<table>}. */
  private Map<String, List<String>> actualTables() throws SQLException {
    return keys(false);
  }

  /** The primary keys in every archive, each under the actual table it archives, so the two compare. */
  private Map<String, List<String>> archives() throws SQLException {
    return keys(true);
  }

  private Map<String, List<String>> keys(boolean archives) throws SQLException {
    Map<String, List<String>> keys = new TreeMap<>();
    for (int shard = 0; shard < Server.SHARDS; shard++) {
      try (Connection connection = server().connect(NAMES.shard(shard))) {
        for (Map.Entry<String, String> table : ARCHIVE_OF.get(shard).entrySet()) {
          String read = archives ? table.getValue() : table.getKey();
          String key = COLUMNS.get(logical(table.getKey())).split(" ")[0];
          List<String> rows = new ArrayList<>();
          try (Statement statement = connection.createStatement();
              ResultSet rs = statement.executeQuery("SELECT " + key + ", deleted_at FROM " + read
                  + " ORDER BY " + key)) {
            while (rs.next()) {
              // the key, and whether it was deleted in 2020: the archive must hold exactly those
              rows.add(rs.getString(1) + (String.valueOf(rs.getObject(2)).startsWith(OLD) ? "" : " (kept)"));
            }
          }
          keys.put("ds_" + shard + "." + read, rows);
        }
      }
    }
    return keys;
  }

  /** The rows deleted in 2020, under the archive each must land in. */
  private static Map<String, List<String>> deletedIn2020(Map<String, List<String>> tables) {
    Map<String, List<String>> old = new TreeMap<>();
    tables.forEach((table, rows) -> {
      int shard = table.charAt(3) - '0';
      String archive = "ds_" + shard + "." + ARCHIVE_OF.get(shard).get(table.substring(5));
      old.put(archive, rows.stream().filter(r -> !r.endsWith(" (kept)")).toList());
    });
    return old;
  }

  private static Map<String, List<String>> without(Map<String, List<String>> tables,
      Map<String, List<String>> purged) {
    Map<String, List<String>> rest = new TreeMap<>();
    tables.forEach((table, rows) -> rest.put(table, rows.stream().filter(r -> r.endsWith(" (kept)")).toList()));
    assertThat(purged.values().stream().mapToLong(List::size).sum()
        + rest.values().stream().mapToLong(List::size).sum())
        .isEqualTo(tables.values().stream().mapToLong(List::size).sum());
    return rest;
  }

  private static String logical(String actual) {
    return actual.replaceAll("_[0-9]$", "");
  }

  private static void insert(Connection connection, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String databaseName(String variant) {
    return NAMES.prefix() + "_" + server().name().toLowerCase(Locale.ROOT) + variant;
  }

  private String yaml(String variant, String bindingTables) {
    try (InputStream in = ShardedPurgeSuite.class.getResourceAsStream("/sharding-purge.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{databaseName}}", databaseName(variant))
          .replace("{{driver}}", server().driver)
          .replace("{{url0}}", server().url(NAMES.shard(0)))
          .replace("{{url1}}", server().url(NAMES.shard(1)))
          .replace("{{user}}", server().user)
          .replace("{{bindingTables}}", bindingTables);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataSource shardingSphere(String yaml) throws SQLException {
    try {
      return YamlShardingSphereDataSourceFactory.createDataSource(yaml.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
