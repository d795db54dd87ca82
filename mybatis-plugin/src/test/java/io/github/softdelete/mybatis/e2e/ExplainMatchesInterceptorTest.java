package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.ModeScopes;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.engine.Explain;
import io.github.softdelete.mybatis.engine.Explanation;
import io.github.softdelete.mybatis.rewrite.Dialect;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.scripting.xmltags.XMLLanguageDriver;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code explain} shows what runs: for each statement and mode, the SQL that reaches JDBC through the
 * interceptor (captured where the statement is prepared, after softdelete) is exactly the list {@code explain}
 * prints, cascade statements and audit parameters included, and a refusal is the same refusal.
 */
class ExplainMatchesInterceptorTest {
  private static final Properties OPTIONS = LifecycleDatabase.auditAndCascades();
  private static final Map<String, Object> PARAMETER = Map.of("id", 1L);

  private final TestDatabase db = TestDatabase.create(LifecycleDatabase.SCHEMA);
  private final SqlCapture capture = new SqlCapture();

  @AfterEach
  void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DELETE FROM documents WHERE id = #{id}",
      "DELETE FROM users WHERE id = #{id}",
      "DELETE FROM attachments WHERE document_id IN (SELECT id FROM documents WHERE user_id = #{id})",
      "SELECT d.id, a.file_name FROM documents d LEFT JOIN attachments a ON a.document_id = d.id WHERE d.user_id = #{id}",
      "SELECT id FROM documents WHERE deleted_at IS NOT NULL AND user_id = #{id}",
      "UPDATE documents SET title = 'renamed' WHERE id = #{id}",
      "UPDATE documents SET deleted_at = NULL WHERE id = #{id}",
      "INSERT INTO documents (id, user_id, title) SELECT id + 100, user_id, title || '2' FROM documents WHERE user_id = #{id}",
      "SELECT id FROM plain_table_not_soft WHERE id = #{id}",
      "MERGE INTO documents (id, user_id, title) KEY (id) VALUES (#{id}, 1, 'merged')",
      "TRUNCATE TABLE attachments"})
  void shouldRunExactlyWhatExplainShowsInEveryMode(String mapped) {
    // and inside a scope of tables, which the rows of attachments and documents take part in differently
    for (IncludeDeleted.Tables tables : List.of(IncludeDeleted.Tables.none(), IncludeDeleted.tables("attachments"))) {
      for (boolean dynamic : new boolean[] {false, true}) {
        shouldRunExactlyWhatExplainShows(mapped, dynamic, tables);
      }
    }
  }

  private void shouldRunExactlyWhatExplainShows(String mapped, boolean dynamic, IncludeDeleted.Tables tables) {
    // given: the statement as MyBatis maps it, static or dynamic, and what it hands the interceptor
    SqlSessionFactory factory = db.factory(capture, new io.github.softdelete.mybatis.SoftDeleteInterceptor(
        SoftDeleteConfig.fromProperties(OPTIONS)));
    MappedStatement ms = register(factory.getConfiguration(), mapped, dynamic);
    String sql = ms.getBoundSql(PARAMETER).getSql();
    Map<SoftDeleteMode, Explanation> explained =
        Explain.of(new EngineFactory(SoftDeleteConfig.fromProperties(OPTIONS)), Dialect.H2, sql, tables);

    for (SoftDeleteMode mode : SoftDeleteMode.values()) {
      // when
      capture.statements.clear();
      SoftDeleteException refusal = tables.get(() -> run(factory, ms, mode));

      // then
      Explanation explanation = explained.get(mode);
      String where = mode + (tables.isEmpty() ? "" : " in " + tables) + (dynamic ? ", dynamic SQL" : ", static SQL")
          + ": " + sql;
      if (explanation.refusal() != null) {
        assertThat(refusal).as(where).isNotNull();
        assertThat("table '" + refusal.getTable() + "': " + refusal.getReason()).as(where)
            .isEqualTo(explanation.refusal());
        assertThat(capture.statements).as(where).isEmpty();
      } else {
        assertThat(refusal).as(where).isNull();
        assertThat(capture.statements).as(where).containsExactlyElementsOf(explanation.statements());
      }
    }
  }

  private static MappedStatement register(Configuration configuration, String mapped, boolean dynamic) {
    // <if> makes MyBatis build the SQL per call (DynamicSqlSource) instead of once (RawSqlSource)
    String script = dynamic ? "<script>" + mapped.replace("<", "&lt;") + "<if test=\"id != null\"> </if></script>"
        : mapped;
    SqlSource source = new XMLLanguageDriver().createSqlSource(configuration, script, Map.class);
    String verb = mapped.substring(0, mapped.indexOf(' '));
    SqlCommandType type = verb.equals("SELECT") ? SqlCommandType.SELECT : SqlCommandType.UPDATE;
    String id = "explain." + (dynamic ? "dynamic" : "static");
    MappedStatement ms = new MappedStatement.Builder(configuration, id, source, type)
        .resultMaps(List.of(new ResultMap.Builder(configuration, id + ".rows", Map.class, List.of()).build()))
        .build();
    configuration.addMappedStatement(ms);
    return ms;
  }

  /** Runs {@code ms} in {@code mode}, rolled back; returns the refusal, if any. */
  private static SoftDeleteException run(SqlSessionFactory factory, MappedStatement ms, SoftDeleteMode mode) {
    try (SqlSession session = factory.openSession(false)) {
      ModeScopes.inMode(mode, () -> {
        assertThat(SoftDeleteMode.current()).isEqualTo(mode);
        if (ms.getSqlCommandType() == SqlCommandType.SELECT) {
          session.selectList(ms.getId(), PARAMETER);
        } else {
          session.update(ms.getId(), PARAMETER);
        }
      });
      session.rollback(true);
      return null;
    } catch (org.apache.ibatis.exceptions.PersistenceException e) {
      // no refusal: it reached the database and failed there (a table that does not exist), and was captured
      return ModeScopes.refusalIn(e);
    }
  }


  /** Records the SQL of every statement JDBC prepares: registered first, so it sees what softdelete hands on. */
  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class SqlCapture implements Interceptor {
    final List<String> statements = new ArrayList<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      statements.add(((StatementHandler) invocation.getTarget()).getBoundSql().getSql());
      return invocation.proceed();
    }
  }
}
