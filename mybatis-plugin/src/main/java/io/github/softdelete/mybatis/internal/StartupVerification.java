package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.SoftDeleteCheck.Outcome;
import io.github.softdelete.mybatis.SoftDeleteCheck.Statement;
import io.github.softdelete.mybatis.SoftDeleteConfig.VerifyOnStartup;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.check.CacheVerdicts;
import io.github.softdelete.mybatis.check.CheckTable;
import io.github.softdelete.mybatis.check.Checker;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.ibatis.logging.Log;
import org.apache.ibatis.logging.LogFactory;
import org.apache.ibatis.session.Configuration;

/**
 * {@code verifyOnStartup}: the first time the interceptor meets a MyBatis configuration, before the statement
 * that brought it runs, every mapped statement of it is put to the engine in every mode, through the rewrite
 * cache that statement would use, which it fills. With {@code fail}, a configuration with a statement refused
 * in the default mode runs no statement at all; with {@code warn}, the refused ones are logged.
 *
 * <p>Why there: MyBatis gives a plugin no call once its mappers are loaded ({@code <plugins>} are read before
 * {@code <mappers>}; Spring adds mappers after the interceptor bean exists), but by the first statement every
 * mapper has been read, and the interceptor knows, from that statement's connection, the database and its soft
 * tables, so the check asks exactly the engine the statements will meet. Every way in (plugin, agent, Spring)
 * passes there.
 */
final class StartupVerification {
  private final VerifyOnStartup level;
  // weak keys: gone with the Configuration; guarded by this
  private final Map<Configuration, SoftDeleteException> verified = new WeakHashMap<>();
  // the configuration verified last and found fine: the usual application has one, so the check costs one read
  private volatile WeakReference<Configuration> last = new WeakReference<>(null);

  StartupVerification(VerifyOnStartup level) {
    this.level = level;
  }

  /** Whether anything is verified ({@code verifyOnStartup} is not {@code off}). */
  boolean enabled() {
    return level != VerifyOnStartup.OFF;
  }

  /**
   * Verifies {@code configuration} once; afterwards returns at once, or, with {@code fail} and a refused statement,
   * throws again.
   *
   * @param plans the plans of the database the statements run on
   * @throws SoftDeleteException with {@code fail}, naming each statement refused in the default mode
   */
  void verify(Configuration configuration, StatementPlans plans) {
    if (level == VerifyOnStartup.OFF || last.get() == configuration) {
      return;
    }
    synchronized (this) {
      if (!verified.containsKey(configuration)) {
        verified.put(configuration, check(configuration, plans));
      }
      SoftDeleteException failure = verified.get(configuration);
      if (failure != null) {
        // a fresh one per call: each statement that is stopped has a stack of its own
        throw new SoftDeleteException(failure.getMessage());
      }
      last = new WeakReference<>(configuration);
    }
  }

  /** The failure to throw on every statement of {@code configuration}, or {@code null}. */
  private SoftDeleteException check(Configuration configuration, StatementPlans plans) {
    Log log = LogFactory.getLog(StartupVerification.class);
    long start = System.nanoTime();
    List<Statement> statements = Checker.statements(Checker.mappedStatements(configuration),
        CacheVerdicts.over(plans.answers()));
    List<Statement> refused = statements.stream()
        .filter(s -> s.outcome(SoftDeleteMode.DEFAULT) == Outcome.REFUSED).toList();
    if (log.isDebugEnabled()) {
      log.debug("softdelete: verifyOnStartup checked " + statements.size() + " mapped statements in every mode in "
          + (System.nanoTime() - start) / 1_000_000 + " ms; " + refused.size() + " refused in the default mode");
      for (SoftDeleteMode mode : SoftDeleteMode.values()) {
        for (Statement statement : statements) {
          if (mode != SoftDeleteMode.DEFAULT && statement.outcome(mode) == Outcome.REFUSED) {
            log.debug("softdelete: verifyOnStartup: refused in a scope only:" + System.lineSeparator()
                + CheckTable.refusal(statement, mode));
          }
        }
      }
    }
    if (refused.isEmpty()) {
      return null;
    }
    StringBuilder message = new StringBuilder("softdelete: verifyOnStartup=" + (level == VerifyOnStartup.FAIL
        ? "fail" : "warn") + ": " + refused.size() + " of " + statements.size() + " mapped statements would be"
        + " refused" + (level == VerifyOnStartup.FAIL ? ", so no statement of this MyBatis configuration runs" : "")
        + ":");
    for (Statement statement : refused) {
      message.append(System.lineSeparator()).append(CheckTable.refusal(statement, SoftDeleteMode.DEFAULT));
    }
    if (level == VerifyOnStartup.WARN) {
      log.warn(message.toString());
      return null;
    }
    log.warn(message.toString());
    return new SoftDeleteException(message.toString());
  }
}
