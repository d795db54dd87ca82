package io.github.softdelete.mybatis.check;

import io.github.softdelete.mybatis.SoftDeleteCheck;
import io.github.softdelete.mybatis.SoftDeleteCheck.Outcome;
import io.github.softdelete.mybatis.SoftDeleteCheck.Shape;
import io.github.softdelete.mybatis.SoftDeleteCheck.Statement;
import io.github.softdelete.mybatis.SoftDeleteCheck.Verdict;
import io.github.softdelete.mybatis.SoftDeleteMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;

/**
 * The check itself, for {@code SoftDeleteCheck}, the agent's {@code check} and {@code verifyOnStartup}: every
 * mapped statement of a configuration, in every shape its SQL takes, put to the verdicts in every mode.
 */
public final class Checker {
  private Checker() {}

  /** The report on {@code configuration}'s statements, from {@code engine}. */
  public static SoftDeleteCheck check(Configuration configuration, CheckEngines.Engine engine) {
    return SoftDeleteCheck.report(engine.database(), engine.softTables(),
        statements(mappedStatements(configuration), engine.verdicts()));
  }

  /** Each of {@code statements} checked, in their order. */
  public static List<Statement> statements(Collection<MappedStatement> statements, Verdicts verdicts) {
    List<Statement> checked = new ArrayList<>();
    for (MappedStatement ms : statements) {
      checked.add(statement(ms, verdicts));
    }
    return checked;
  }

  /**
   * Every mapped statement of {@code configuration} once, by id. MyBatis keeps each under its full id and, while
   * unambiguous, its short one too; building them all first, as MyBatis does on the first statement it runs.
   */
  public static List<MappedStatement> mappedStatements(Configuration configuration) {
    Map<MappedStatement, Boolean> seen = new IdentityHashMap<>();
    Map<String, MappedStatement> byId = new TreeMap<>();
    for (String name : configuration.getMappedStatementNames()) {
      MappedStatement ms;
      try {
        ms = configuration.getMappedStatement(name, false);
      } catch (IllegalArgumentException ambiguousShortName) {
        // a short id two namespaces share: each statement is there under its full id too
        continue;
      }
      if (seen.put(ms, Boolean.TRUE) == null) {
        byId.put(ms.getId(), ms);
      }
    }
    return new ArrayList<>(byId.values());
  }

  private static Statement statement(MappedStatement ms, Verdicts verdicts) {
    Shapes.Rendered rendered = Shapes.of(ms);
    List<Shape> shapes = new ArrayList<>();
    rendered.sqlByShape().forEach((name, sql) -> {
      Map<SoftDeleteMode, Verdict> byMode = new EnumMap<>(SoftDeleteMode.class);
      for (SoftDeleteMode mode : SoftDeleteMode.values()) {
        Verdicts.Decision decision = verdicts.decide(ms, sql, mode);
        byMode.put(mode, rendered.parameterText() && decision.unreadable()
            ? new Verdict(Outcome.NOT_CHECKED, List.of(), "not readable as rendered here (its ${...} text is the"
                + " application's): " + decision.verdict().note())
            : decision.verdict());
      }
      shapes.add(new Shape(name, sql, byMode));
    });
    return new Statement(ms.getId(), ms.getSqlCommandType().name().toLowerCase(Locale.ROOT), ms.getResource(),
        rendered.coverage(), rendered.note(), shapes);
  }
}
