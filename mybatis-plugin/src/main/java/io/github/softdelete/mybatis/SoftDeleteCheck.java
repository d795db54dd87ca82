package io.github.softdelete.mybatis;

import io.github.softdelete.mybatis.check.CheckEngines;
import io.github.softdelete.mybatis.check.CheckJson;
import io.github.softdelete.mybatis.check.CheckTable;
import io.github.softdelete.mybatis.check.Checker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Every mapped statement of a MyBatis configuration, checked in every mode before any of them runs: what the
 * interceptor would run instead (rewritten), that it runs as written (unchanged, or left as written because it
 * handles the marker itself), or why it would be refused. For a test in the application's own build:
 *
 * <pre>{@code
 * @Test
 * void everyStatementRunsWithSoftDeletes() {
 *   SoftDeleteCheck.of(sqlSessionFactory).assertNothingRefused();
 * }
 * }</pre>
 *
 * <p>The check asks the engine the interceptor builds, with its cache policy ({@code mode},
 * {@code onUnparseableSelect}) and the rules MyBatis's way of running a statement adds (a {@code <select>} cannot
 * carry audit values; a {@code <selectKey>} cannot cascade). Static SQL is checked exactly. Dynamic SQL is
 * checked as MyBatis renders it without the application's parameter objects: once with no parameter (every
 * {@code <if>} that tests a value false) and once with every parameter set (each value non-null, non-empty,
 * a one-element list); a shape that does not render that way, and text the parameter supplies ({@code ${...}}),
 * make the statement partly checked, which the report says.
 */
public final class SoftDeleteCheck {
  private final String database;
  private final List<String> softTables;
  private final List<Statement> statements;
  private final Set<String> excepted;

  private SoftDeleteCheck(String database, List<String> softTables, List<Statement> statements,
      Set<String> excepted) {
    this.database = database;
    this.softTables = List.copyOf(softTables);
    this.statements = List.copyOf(statements);
    this.excepted = Set.copyOf(excepted);
  }

  /** For the check's own tools: a report of {@code statements}, checked on {@code database}. */
  public static SoftDeleteCheck report(String database, List<String> softTables, List<Statement> statements) {
    return new SoftDeleteCheck(database, softTables, statements, Set.of());
  }

  /** The statements of {@code factory}'s configuration; see {@link #of(Configuration)}. */
  public static SoftDeleteCheck of(SqlSessionFactory factory) {
    return of(factory.getConfiguration());
  }

  /**
   * The statements of {@code configuration}, checked with the configuration of the {@link SoftDeleteInterceptor}
   * registered in it (or, with none, {@code -Dsoftdelete.*} and the defaults), on the database of its
   * DataSource: the soft tables it detects there and its product, as the interceptor sees them. Without a
   * DataSource, as {@link #offline}.
   *
   * @throws SoftDeleteException when detection fails, or the configuration needs a database it does not have
   */
  public static SoftDeleteCheck of(Configuration configuration) {
    return of(configuration, registeredConfig(configuration));
  }

  /** The statements of {@code configuration}, checked with {@code config} on the database of its DataSource. */
  public static SoftDeleteCheck of(Configuration configuration, SoftDeleteConfig config) {
    return Checker.check(configuration, CheckEngines.online(config, configuration));
  }

  /**
   * The statements of {@code configuration}, checked with {@code config} alone, without a database: the soft
   * tables are those {@code tables} lists.
   *
   * @param databaseProductName the database the statements run on, as JDBC names it ({@code PostgreSQL},
   *     {@code MariaDB}, {@code H2}), which decides how upserts are converted; {@code null}: not known, and
   *     upserts are refused, as the interceptor does where it cannot tell the database
   * @throws SoftDeleteException when the configuration needs a database (detected tables, a marker whose values
   *     follow its column's type)
   */
  public static SoftDeleteCheck offline(Configuration configuration, SoftDeleteConfig config,
      String databaseProductName) {
    return Checker.check(configuration, CheckEngines.offline(config, databaseProductName));
  }

  private static SoftDeleteConfig registeredConfig(Configuration configuration) {
    for (Interceptor interceptor : configuration.getInterceptors()) {
      if (interceptor instanceof SoftDeleteInterceptor softDelete) {
        return softDelete.config();
      }
    }
    return SoftDeleteConfig.fromProperties(null);
  }

  /**
   * The same report, except that the statements {@code statementIds} (full ids, {@code namespace.id}) do not
   * count as refused: those meant to run only in a scope ({@code TRUNCATE} in {@code HardDelete}).
   */
  public SoftDeleteCheck except(String... statementIds) {
    Set<String> all = new LinkedHashSet<>(excepted);
    all.addAll(Arrays.asList(statementIds));
    return new SoftDeleteCheck(database, softTables, statements, all);
  }

  /** Whether {@code statementId} was {@link #except excepted}. */
  public boolean isExcepted(String statementId) {
    return excepted.contains(statementId);
  }

  /** Where the check ran: the database product, or {@code offline}. */
  public String database() {
    return database;
  }

  /** The soft tables the check found or was given, as configured or detected. */
  public List<String> softTables() {
    return softTables;
  }

  /** Every mapped statement, by id. */
  public List<Statement> statements() {
    return statements;
  }

  /** The statements the interceptor would refuse in the default mode, but those {@link #except excepted}. */
  public List<Statement> refused() {
    return statements.stream().filter(s -> s.outcome(SoftDeleteMode.DEFAULT) == Outcome.REFUSED)
        .filter(s -> !excepted.contains(s.id())).toList();
  }

  /** The statements refused in {@code mode} (of a scope the application opens), but those excepted. */
  public List<Statement> refusedIn(SoftDeleteMode mode) {
    return statements.stream().filter(s -> s.outcome(mode) == Outcome.REFUSED)
        .filter(s -> !excepted.contains(s.id())).toList();
  }

  /** The statements whose SQL could not be checked in every shape it can take. */
  public List<Statement> partlyChecked() {
    return statements.stream().filter(s -> s.coverage() == Coverage.PARTLY || s.coverage() == Coverage.NONE)
        .toList();
  }

  /**
   * Passes when no statement is refused in the default mode, where every statement runs unless a scope says
   * otherwise.
   *
   * @throws AssertionError naming each refused statement, its reason and its SQL
   */
  public void assertNothingRefused() {
    assertNothingRefused(SoftDeleteMode.DEFAULT);
  }

  /**
   * Passes when no statement is refused in any of {@code modes}.
   *
   * @throws AssertionError naming each refused statement, the mode, its reason and its SQL
   */
  public void assertNothingRefused(SoftDeleteMode... modes) {
    StringBuilder message = new StringBuilder();
    int refused = 0;
    for (SoftDeleteMode mode : modes) {
      for (Statement statement : refusedIn(mode)) {
        refused++;
        message.append(System.lineSeparator()).append(CheckTable.refusal(statement, mode));
      }
    }
    if (refused > 0) {
      throw new AssertionError("softdelete: " + refused + (refused == 1 ? " statement" : " statements")
          + " would be refused:" + message);
    }
  }

  /** The report as a table, with the reason and SQL of each refused statement and what was partly checked. */
  public String table() {
    return CheckTable.of(this);
  }

  /** The whole report as JSON: every statement, shape and mode, with the SQL that would run. */
  public String json() {
    return CheckJson.of(this);
  }

  @Override
  public String toString() {
    return table();
  }

  /** What the interceptor does with a statement in one mode. */
  public enum Outcome {
    /** Runs as something else: the SQL in {@link Verdict#runs()}. */
    REWRITTEN,
    /** Runs as written: it touches no soft table in a way that needs a change. */
    UNCHANGED,
    /**
     * Runs as written although it touches a soft table: it constrains the marker itself
     * ({@code explicitMarker=respect}), or the parser cannot read it ({@code onUnparseableSelect=warn}).
     */
    LEFT_AS_WRITTEN,
    /** Fails with a {@link SoftDeleteException} before it reaches the database. */
    REFUSED,
    /** Not known: the statement did not render, or its text is the application's ({@code ${...}}). */
    NOT_CHECKED;

    /** {@code left as written}, as the report prints it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** How much of a statement's SQL the check saw. */
  public enum Coverage {
    /** Static SQL: exactly what runs. */
    EXACT,
    /** Dynamic SQL, rendered in every shape tried (with no parameter, with every parameter set). */
    SHAPES,
    /** Dynamic SQL of which a shape did not render, or whose text the parameter supplies ({@code ${...}}). */
    PARTLY,
    /** Nothing rendered. */
    NONE
  }

  /**
   * The interceptor's answer for one SQL text in one mode.
   *
   * @param runs the SQL that reaches JDBC, in order (a cascade's statements first); empty when refused or not
   *     checked
   * @param note the reason when refused or not checked; otherwise what else to know, or {@code null}
   */
  public record Verdict(Outcome outcome, List<String> runs, String note) {
    public Verdict {
      runs = List.copyOf(runs);
    }
  }

  /**
   * One SQL text a statement takes.
   *
   * @param name {@code static}, or the shapes of its parameter it was rendered for ({@code no parameter},
   *     {@code every parameter set})
   * @param verdicts by mode
   */
  public record Shape(String name, String sql, Map<SoftDeleteMode, Verdict> verdicts) {
    public Shape {
      verdicts = new EnumMap<>(verdicts);
    }
  }

  /**
   * One mapped statement.
   *
   * @param id its full id, {@code namespace.id}
   * @param kind {@code select}, {@code insert}, {@code update} or {@code delete}, as mapped
   * @param resource where it was mapped (mapper file or interface), as MyBatis records it
   * @param coverageNote why it is partly checked or not at all, or {@code null}
   */
  public record Statement(String id, String kind, String resource, Coverage coverage, String coverageNote,
      List<Shape> shapes) {
    public Statement {
      shapes = List.copyOf(shapes);
    }

    /** The most telling outcome of its shapes in {@code mode}: refused, left as written, rewritten, unchanged. */
    public Outcome outcome(SoftDeleteMode mode) {
      return shapes.stream().map(shape -> shape.verdicts().get(mode).outcome())
          .min(Comparator.comparingInt(SoftDeleteCheck::rank)).orElse(Outcome.NOT_CHECKED);
    }

    /** The verdicts of every shape in {@code mode} whose outcome is {@code outcome}. */
    public List<Verdict> verdicts(SoftDeleteMode mode, Outcome outcome) {
      List<Verdict> found = new ArrayList<>();
      for (Shape shape : shapes) {
        Verdict verdict = shape.verdicts().get(mode);
        if (verdict.outcome() == outcome) {
          found.add(verdict);
        }
      }
      return found;
    }
  }

  private static int rank(Outcome outcome) {
    return switch (outcome) {
      case REFUSED -> 0;
      case LEFT_AS_WRITTEN -> 1;
      case REWRITTEN -> 2;
      case UNCHANGED -> 3;
      case NOT_CHECKED -> 4;
    };
  }
}
