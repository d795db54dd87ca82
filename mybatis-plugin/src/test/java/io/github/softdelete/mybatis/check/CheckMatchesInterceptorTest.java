package io.github.softdelete.mybatis.check;

import static io.github.softdelete.mybatis.check.CheckFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.ModeScopes;
import io.github.softdelete.mybatis.SoftDeleteCheck;
import io.github.softdelete.mybatis.SoftDeleteCheck.Coverage;
import io.github.softdelete.mybatis.SoftDeleteCheck.Outcome;
import io.github.softdelete.mybatis.SoftDeleteCheck.Statement;
import io.github.softdelete.mybatis.SoftDeleteCheck.Verdict;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.SoftDeleteMode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check says what runs: for every static statement of the fixtures and every mode, the SQL that reaches JDBC
 * through the interceptor (captured where MyBatis prepares it) is exactly the SQL the check reports, and a
 * refusal is the same refusal, the rules of {@code <selectKey>} and of a DELETE in a {@code <select>} included.
 */
class CheckMatchesInterceptorTest {
  private final PooledDataSource dataSource = CheckFixtures.database();

  @AfterEach
  void close() {
    dataSource.forceCloseAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"CheckMapper.xml", "RulesMapper.xml"})
  void shouldReportExactlyWhatTheInterceptorRunsOrRefuses(String mapper) {
    // given: the mapper on an H2 database, the interceptor with cascades and who deleted, and a capture of JDBC
    SoftDeleteConfig softDelete = config("cascade", "orders.user_id->users.id", "deletedByColumn", "deleted_by");
    MapperXml.Loaded loaded = CheckFixtures.read(CheckFixtures.RESOURCES.resolve(mapper));
    assertThat(loaded.failures()).isEmpty();
    Configuration configuration = loaded.configuration();
    configuration.setEnvironment(new Environment("check", new JdbcTransactionFactory(), dataSource));
    SqlCapture capture = new SqlCapture();
    configuration.addInterceptor(capture);
    configuration.addInterceptor(new SoftDeleteInterceptor(softDelete));
    SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(configuration);

    SoftDeleteCheck check = SoftDeleteCheck.of(factory);

    int compared = 0;
    for (Statement statement : check.statements()) {
      if (statement.coverage() != Coverage.EXACT || statement.id().endsWith("!selectKey")) {
        continue;
      }
      for (SoftDeleteMode mode : SoftDeleteMode.values()) {
        // when
        capture.statements.clear();
        SoftDeleteException refusal = run(factory, configuration.getMappedStatement(statement.id()), mode);

        // then
        Verdict verdict = statement.shapes().get(0).verdicts().get(mode);
        List<String> ran = capture.of(statement.id());
        String where = statement.id() + " in " + mode;
        if (verdict.outcome() == Outcome.REFUSED) {
          assertThat(refusal).as(where).isNotNull();
          assertThat("table '" + refusal.getTable() + "': " + refusal.getReason()).as(where).isEqualTo(verdict.note());
          assertThat(ran).as(where).isEmpty();
        } else {
          assertThat(refusal).as(where).isNull();
          assertThat(ran).as(where).containsExactlyElementsOf(verdict.runs());
        }
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(20);
    if (mapper.equals("RulesMapper.xml")) {
      assertThat(check.refused()).extracting(Statement::id)
          .containsExactly("com.shop.RulesMapper.deleteUserReturning", "com.shop.RulesMapper.deleteUserWithKey");
    }
  }

  /** Runs {@code ms} in {@code mode}, rolled back; returns the refusal, if any. */
  private static SoftDeleteException run(SqlSessionFactory factory, MappedStatement ms, SoftDeleteMode mode) {
    Map<String, Object> parameter = new HashMap<>(Map.of("id", 1L, "name", "ann", "message", "checked"));
    try (SqlSession session = factory.openSession(false)) {
      ModeScopes.inMode(mode, () -> {
        if (ms.getSqlCommandType() == SqlCommandType.SELECT) {
          session.selectList(ms.getId(), parameter);
        } else {
          session.update(ms.getId(), parameter);
        }
      });
      session.rollback(true);
      return null;
    } catch (PersistenceException e) {
      // no refusal: it reached the database and failed there (H2 has no DELETE ... RETURNING; stand-in types)
      return ModeScopes.refusalIn(e);
    }
  }


  /** Records, by mapped statement, the SQL of every statement JDBC prepares, as softdelete hands it on. */
  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class SqlCapture implements Interceptor {
    final List<String[]> statements = new ArrayList<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      StatementHandler handler = (StatementHandler) invocation.getTarget();
      MappedStatement ms = (MappedStatement) SystemMetaObject.forObject(handler).getValue("delegate.mappedStatement");
      statements.add(new String[] {ms.getId(), handler.getBoundSql().getSql()});
      return invocation.proceed();
    }

    /** What ran for {@code statementId} itself: not its {@code <selectKey>}. */
    List<String> of(String statementId) {
      return statements.stream().filter(s -> s[0].equals(statementId)).map(s -> s[1]).toList();
    }
  }
}
