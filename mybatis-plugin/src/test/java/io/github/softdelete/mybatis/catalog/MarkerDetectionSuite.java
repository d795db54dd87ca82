package io.github.softdelete.mybatis.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-table markers found through JDBC metadata, one database per subclass: three tables of three conventions
 * ({@code deleted_at} timestamp, {@code is_deleted} integer and boolean, {@code del_flag} CHAR(1)) found by
 * the candidates {@code deleted_at:is_deleted:del_flag}, values from each column's type, and the rewritten
 * DELETE and SELECT run on the database itself.
 */
public abstract class MarkerDetectionSuite {
  private static final String CANDIDATES = "deleted_at:is_deleted:del_flag";

  protected Connection connection;

  /** A connection whose current schema (or database) is the test's own, empty. */
  protected abstract Connection openEmptySchema() throws SQLException;

  /** Drops the test's schema, if the database keeps it beyond the connection. */
  protected abstract void dropSchema() throws SQLException;

  protected abstract String timestampType();

  protected abstract String integerType();

  protected abstract String booleanType();

  /** The value a boolean deleted marker reads back as, through {@code getString}. */
  protected abstract String trueAsString();

  @BeforeEach
  void createTables() throws SQLException {
    connection = openEmptySchema();
    execute("CREATE TABLE users (id INT PRIMARY KEY, deleted_at " + timestampType() + ")");
    execute("CREATE TABLE orders (id INT PRIMARY KEY, user_id INT, is_deleted " + integerType()
        + " DEFAULT 0 NOT NULL)");
    execute("CREATE TABLE flags (id INT PRIMARY KEY, is_deleted " + booleanType() + " DEFAULT FALSE NOT NULL)");
    execute("CREATE TABLE sys_user (id INT PRIMARY KEY, del_flag CHAR(1) DEFAULT '0' NOT NULL)");
    execute("CREATE TABLE plain (id INT PRIMARY KEY)");
    for (String table : List.of("users", "orders", "flags", "sys_user")) {
      execute("INSERT INTO " + table + " (id) VALUES (1)");
      execute("INSERT INTO " + table + " (id) VALUES (2)");
    }
  }

  @AfterEach
  void drop() throws SQLException {
    try {
      dropSchema();
    } finally {
      connection.close();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static SoftDeleteConfig config(String... keysAndValues) {
    Properties props = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      props.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return SoftDeleteConfig.fromPropertiesOnly(props);
  }

  private static SoftDeleteConfig candidates() {
    return config("column", CANDIDATES,
        "table.sys_user.liveValue", "'0'", "table.sys_user.deletedValue", "'2'");
  }

  private static String describe(SoftDeleteMarker marker) {
    return marker.column() + " " + marker.liveValueSql() + "/" + marker.deletedValueSql();
  }

  private String markerOf(SoftTables tables, String table) {
    return describe(tables.markerOf(null, table));
  }

  private void deleteThroughRewrite(SoftTables tables, String table) throws SQLException {
    SqlRewriter rewriter = new SqlRewriter(tables, SoftDeleteMarker.of("unused", "NULL", "CURRENT_TIMESTAMP"));
    execute(rewriter.rewrite("DELETE FROM " + table + " WHERE id = 1", SoftDeleteMode.DEFAULT).sql());
  }

  private List<String> liveIds(SoftTables tables, String table) throws SQLException {
    SqlRewriter rewriter = new SqlRewriter(tables, SoftDeleteMarker.of("unused", "NULL", "CURRENT_TIMESTAMP"));
    return column(rewriter.rewrite("SELECT id FROM " + table + " ORDER BY id", SoftDeleteMode.DEFAULT).sql());
  }

  @Test
  void shouldFindEachTablesMarkerAmongTheCandidatesWithValuesFromItsType() {
    SoftTables tables = new SoftTableCatalog(candidates()).tablesFor(connection);

    assertThat(tables.names()).containsExactlyInAnyOrder("users", "orders", "flags", "sys_user");
    assertThat(markerOf(tables, "users")).isEqualTo("deleted_at NULL/CURRENT_TIMESTAMP");
    assertThat(markerOf(tables, "orders")).isEqualTo("is_deleted 0/1");
    assertThat(markerOf(tables, "flags")).isEqualTo(booleanMarker());
    assertThat(markerOf(tables, "sys_user")).isEqualTo("del_flag '0'/'2'");
  }

  /** What a boolean column's marker is on this database (MariaDB's BOOLEAN is TINYINT(1), reported as BIT). */
  protected String booleanMarker() {
    return "is_deleted false/true";
  }

  @Test
  void shouldSoftDeleteAndHideRowsOfEveryConventionOnTheDatabase() throws SQLException {
    SoftTables tables = new SoftTableCatalog(candidates()).tablesFor(connection);

    for (String table : List.of("users", "orders", "flags", "sys_user")) {
      deleteThroughRewrite(tables, table);
      assertThat(liveIds(tables, table)).as(table).containsExactly("2");
    }
    assertThat(column("SELECT id FROM users WHERE deleted_at IS NOT NULL")).containsExactly("1");
    assertThat(column("SELECT is_deleted FROM orders ORDER BY id")).containsExactly("1", "0");
    assertThat(column("SELECT is_deleted FROM flags WHERE id = 1")).containsExactly(trueAsString());
    assertThat(column("SELECT del_flag FROM sys_user ORDER BY id")).containsExactly("2", "0");
  }

  @Test
  void shouldTakeTheFirstCandidateATableHas() throws SQLException {
    execute("ALTER TABLE orders ADD deleted_at " + timestampType());

    SoftTables tables = new SoftTableCatalog(candidates()).tablesFor(connection);

    assertThat(markerOf(tables, "orders")).isEqualTo("deleted_at NULL/CURRENT_TIMESTAMP");
  }

  @Test
  void shouldFindCandidatesOfListedTablesToo() {
    SoftTables tables = new SoftTableCatalog(config("tables", "orders,users", "column", CANDIDATES))
        .tablesFor(connection);

    assertThat(tables.names()).containsExactlyInAnyOrder("users", "orders");
    assertThat(markerOf(tables, "orders")).isEqualTo("is_deleted 0/1");
  }

  @Test
  void shouldReadThePerTableColumnsTypeWhenItsValuesAreSetNowhere() {
    SoftTables tables = new SoftTableCatalog(config("tables", "users", "table.orders.column", "is_deleted"))
        .tablesFor(connection);

    assertThat(markerOf(tables, "orders")).isEqualTo("is_deleted 0/1");
    assertThat(markerOf(tables, "users")).isEqualTo("deleted_at NULL/CURRENT_TIMESTAMP");
  }

  @Test
  void shouldRefuseACharacterMarkerWithoutConfiguredValues() {
    SoftTableCatalog catalog = new SoftTableCatalog(config("column", CANDIDATES));

    assertThatThrownBy(() -> catalog.tablesFor(connection)).isInstanceOf(SoftDeleteException.class)
        .hasMessage("softdelete: table 'sys_user' marks deleted rows in character column 'del_flag': set"
            + " table.sys_user.liveValue and table.sys_user.deletedValue (e.g. '0' and '2')");
  }

  @Test
  void shouldRefuseAPerTableTableWithoutItsColumn() {
    SoftTableCatalog catalog = new SoftTableCatalog(config("table.plain.column", "is_deleted"));

    assertThatThrownBy(() -> catalog.tablesFor(connection)).isInstanceOf(SoftDeleteException.class)
        .hasMessage("softdelete: table 'plain' has no marker column 'is_deleted' that the database's metadata"
            + " shows, so its marker values cannot follow the column's type; add the column, or set"
            + " table.plain.column to the one column and table.plain.liveValue and table.plain.deletedValue");
  }

  @Test
  void shouldAcceptACascadeBetweenTimestampMarkersOfDifferentNames() throws SQLException {
    execute("ALTER TABLE plain ADD user_id INT");
    execute("ALTER TABLE plain ADD removed_at " + timestampType());
    SoftTables tables = new SoftTableCatalog(config("column", "deleted_at:removed_at",
        "cascade", "plain.user_id->users.id")).tablesFor(connection);

    assertThat(markerOf(tables, "plain")).isEqualTo("removed_at NULL/CURRENT_TIMESTAMP");
  }

  @Test
  void shouldRefuseACascadeToATableWhoseDetectedMarkerIsAFlag() {
    SoftTableCatalog catalog = new SoftTableCatalog(config("column", "deleted_at:is_deleted",
        "cascade", "orders.user_id->users.id"));

    assertThatThrownBy(() -> catalog.tablesFor(connection)).isInstanceOf(SoftDeleteException.class)
        .hasMessage("softdelete: the cascade 'orders.user_id->users.id' goes through table 'orders', whose"
            + " deletedValue '1' (marker column 'is_deleted') is not a timestamp: parent and children are tied"
            + " by one deletion timestamp, which is how undo tells the children a cascade deleted from those"
            + " deleted before; give table 'orders' a timestamp marker"
            + " (table.orders.deletedValue=CURRENT_TIMESTAMP) or drop the cascade");
  }
}
