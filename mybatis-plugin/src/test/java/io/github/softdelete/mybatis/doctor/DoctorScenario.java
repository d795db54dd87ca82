package io.github.softdelete.mybatis.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SchemaDoctor;
import io.github.softdelete.mybatis.SchemaDoctor.Finding;
import io.github.softdelete.mybatis.SchemaDoctor.Problem;
import io.github.softdelete.mybatis.SchemaDoctor.Severity;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A schema made to have each problem the doctor looks for, on every database, and what it must find:
 * accounts (a unique key that deleted rows hold; children that ON DELETE CASCADE deleted; no index on the
 * marker), members (UNIQUE with the NULL marker), orders (ON DELETE RESTRICT from payments), flags (a
 * character flag configured with numbers), stamps (a NOT NULL marker whose live value is NULL), and profiles,
 * which does it right with the strategy that fits the database.
 */
public final class DoctorScenario {
  private DoctorScenario() {}

  /** The tables, in the types of the database whose timestamp type is {@code timestamp}. */
  public static List<String> schema(String timestamp, String profiles) {
    return List.of(
        "CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, deleted_at " + timestamp
            + " NULL)",
        "CREATE UNIQUE INDEX accounts_email ON accounts (email)",
        "CREATE TABLE members (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, deleted_at " + timestamp
            + " NULL)",
        "CREATE UNIQUE INDEX members_email_deleted ON members (email, deleted_at)",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL, deleted_at " + timestamp + " NULL,"
            + " CONSTRAINT orders_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE)",
        "CREATE INDEX orders_live ON orders (account_id, deleted_at)",
        "CREATE TABLE payments (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, deleted_at " + timestamp + " NULL,"
            + " CONSTRAINT payments_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE RESTRICT)",
        "CREATE INDEX payments_deleted ON payments (deleted_at)",
        "CREATE TABLE flags (id BIGINT PRIMARY KEY, is_deleted VARCHAR(1) DEFAULT '0' NOT NULL)",
        "CREATE INDEX flags_deleted ON flags (is_deleted)",
        "CREATE TABLE stamps (id BIGINT PRIMARY KEY, deleted_at " + timestamp
            + " DEFAULT CURRENT_TIMESTAMP NOT NULL)",
        "CREATE INDEX stamps_deleted ON stamps (deleted_at)",
        profiles);
  }

  /** The configuration: every table listed, flags with numbers for its character flag. */
  public static SoftDeleteConfig config(String... more) {
    Properties properties = new Properties();
    properties.setProperty("tables", "accounts,members,orders,payments,flags,stamps,profiles");
    properties.setProperty("table.flags.column", "is_deleted");
    properties.setProperty("table.flags.liveValue", "0");
    properties.setProperty("table.flags.deletedValue", "1");
    for (int i = 0; i + 1 < more.length; i += 2) {
      properties.setProperty(more[i], more[i + 1]);
    }
    return SoftDeleteConfig.fromPropertiesOnly(properties);
  }

  public static void create(Connection connection, List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** One expected finding: severity, problem, table and subject (compared without case). */
  public static String finding(Severity severity, Problem problem, String table, String subject) {
    return severity + " " + problem + " " + table + " " + (subject == null ? "-" : subject.toLowerCase(Locale.ROOT));
  }

  /** What every database must show, and {@code more} (the findings of its own extra tables). */
  public static void assertFindings(SchemaDoctor doctor, String... more) {
    List<String> expected = new ArrayList<>(List.of(
        finding(Severity.PROBLEM, Problem.UNIQUE_KEY, "accounts", "accounts_email"),
        finding(Severity.PROBLEM, Problem.FOREIGN_KEY_CASCADE, "accounts", "orders_account"),
        finding(Severity.NOTE, Problem.MARKER_NOT_INDEXED, "accounts", "deleted_at"),
        finding(Severity.PROBLEM, Problem.MARKER_VALUE, "flags", "is_deleted"),
        finding(Severity.PROBLEM, Problem.MARKER_VALUE, "flags", "is_deleted"),
        finding(Severity.PROBLEM, Problem.UNIQUE_KEY, "members", "members_email_deleted"),
        finding(Severity.NOTE, Problem.FOREIGN_KEY_RULE, "orders", "payments_order"),
        finding(Severity.PROBLEM, Problem.MARKER_VALUE, "stamps", "deleted_at")));
    expected.addAll(List.of(more));
    List<String> found = doctor.findings().stream()
        .map(f -> finding(f.severity(), f.problem(), f.table(), f.subject())).toList();
    assertThat(found).as(doctor.text()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(doctor.cascadeDeclaration()).isEqualTo("orders.account_id->accounts.id");
    Finding cascade = doctor.findings().stream().filter(f -> f.problem() == Problem.FOREIGN_KEY_CASCADE).findFirst()
        .orElseThrow();
    assertThat(cascade.detail()).isEqualTo("ON DELETE CASCADE from orders does not fire for a soft delete: when a"
        + " row of accounts is deleted, its rows in orders stay live");
    assertThat(detail(doctor, Problem.FOREIGN_KEY_RULE, "orders")).isEqualTo("ON DELETE RESTRICT from payments no"
        + " longer refuses deleting a row of orders that rows of payments reference: the soft delete marks it, and"
        + " they keep pointing at a deleted row");
    assertThat(cascade.advice()).isEqualTo("declare cascade=orders.account_id->accounts.id"
        + " (or cascade=detect, which derives it from this key)");
    assertThat(detail(doctor, Problem.MARKER_VALUE, "stamps")).isEqualTo("deleted_at is NOT NULL, so it cannot hold"
        + " the live value NULL: inserting a live row fails");
    assertThat(detail(doctor, Problem.MARKER_VALUE, "flags")).startsWith("liveValue 0 is a number for a character"
        + " column: MySQL and MariaDB then compare as numbers, where every non-numeric string equals 0");
    assertThat(detail(doctor, Problem.UNIQUE_KEY, "members")).isEqualTo("unique key (email, deleted_at) does not"
        + " hold for live rows: their deleted_at is NULL, and NULLs never collide, so two live rows may share email");
  }

  static String detail(SchemaDoctor doctor, Problem problem, String table) {
    return doctor.findings().stream().filter(f -> f.problem() == problem && f.table().equals(table)).findFirst()
        .orElseThrow().detail();
  }
}
