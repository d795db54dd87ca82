package io.github.softdelete.mybatis;

import io.github.softdelete.mybatis.doctor.DoctorText;
import io.github.softdelete.mybatis.doctor.Examination;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * What a database's schema does that soft deletes change, for each soft table, from JDBC metadata: unique keys
 * that a deleted row still holds (so the key cannot be inserted again), foreign keys whose {@code ON DELETE}
 * no longer fires (a soft delete is an UPDATE), a marker column no index covers, and configured marker values
 * the column's type does not take. Each finding says what to do: the unique-key strategy that fits the
 * database, the {@code cascade} declaration that does what {@code ON DELETE CASCADE} did.
 *
 * <pre>{@code
 * SchemaDoctor doctor = SchemaDoctor.examine(dataSource, config);
 * System.out.println(doctor.text());
 * }</pre>
 *
 * <p>It reads metadata and runs read-only queries; it changes nothing.
 */
public final class SchemaDoctor {
  private final String database;
  private final List<String> softTables;
  private final List<Finding> findings;
  private final String cascade;

  private SchemaDoctor(String database, List<String> softTables, List<Finding> findings, String cascade) {
    this.database = database;
    this.softTables = List.copyOf(softTables);
    this.findings = List.copyOf(findings);
    this.cascade = cascade;
  }

  /** For the doctor's own tools: a report of {@code findings}. */
  public static SchemaDoctor report(String database, List<String> softTables, List<Finding> findings,
      String cascade) {
    return new SchemaDoctor(database, softTables, findings, cascade);
  }

  /**
   * Examines the soft tables {@code config} gives (listed, or detected) on a connection of {@code dataSource}.
   *
   * @throws SQLException when the database cannot be read
   */
  public static SchemaDoctor examine(DataSource dataSource, SoftDeleteConfig config) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return examine(connection, config);
    }
  }

  /**
   * Examines the soft tables {@code config} gives (listed, or detected) through {@code connection}, which it
   * leaves open and as it was (in a transaction, a failed probe is rolled back to a savepoint).
   *
   * @throws SQLException when the database cannot be read
   */
  public static SchemaDoctor examine(Connection connection, SoftDeleteConfig config) throws SQLException {
    return Examination.run(connection, config);
  }

  /** The database product examined. */
  public String database() {
    return database;
  }

  /** The soft tables examined, lower case. */
  public List<String> softTables() {
    return softTables;
  }

  /** Every finding, table by table. */
  public List<Finding> findings() {
    return findings;
  }

  /** The findings that need a change (not the notes). */
  public List<Finding> problems() {
    return findings.stream().filter(f -> f.severity() == Severity.PROBLEM).toList();
  }

  /**
   * The value of {@code cascade} that does for soft deletes what the schema's {@code ON DELETE CASCADE} does
   * for DELETE (the declared cascades and those the schema adds), commas between relations as a plugin property
   * takes them; {@code null} when the schema adds none.
   */
  public String cascadeDeclaration() {
    return cascade;
  }

  /** The report as people read it. */
  public String text() {
    return DoctorText.of(this);
  }

  @Override
  public String toString() {
    return text();
  }

  /** How much a finding matters. */
  public enum Severity {
    /** Soft deletes break something the schema promised: fix the schema or the configuration. */
    PROBLEM,
    /** Worth knowing: a rule that no longer holds, or a cost. */
    NOTE
  }

  /** What a finding is about. */
  public enum Problem {
    /** A unique key that a deleted row still holds, or that live rows no longer hold. */
    UNIQUE_KEY,
    /** {@code ON DELETE CASCADE}, which a soft delete does not fire. */
    FOREIGN_KEY_CASCADE,
    /** {@code ON DELETE RESTRICT}, {@code NO ACTION}, {@code SET NULL} or {@code SET DEFAULT}, which no longer act. */
    FOREIGN_KEY_RULE,
    /** No index covers the marker column, which every statement now filters by. */
    MARKER_NOT_INDEXED,
    /** A configured marker value the column's type does not take. */
    MARKER_VALUE,
    /** The table or its marker column is missing. */
    MARKER_COLUMN,
    /** The configuration cannot work with this database at all. */
    CONFIGURATION
  }

  /**
   * One thing the doctor found.
   *
   * @param table the soft table, lower case, or {@code null} for the whole configuration
   * @param subject the index, foreign key or column concerned, as the database names it, or {@code null}
   * @param detail what is wrong
   * @param advice what to do
   */
  public record Finding(Severity severity, Problem problem, String table, String subject, String detail,
      String advice) {}
}
