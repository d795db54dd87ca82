package io.github.softdelete.mybatis.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.it.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A soft delete of fifty rows interrupted three ways on PostgreSQL: a rollback, a connection killed before
 * commit, a row that fails a constraint half way. Each leaves all fifty rows as they were: none half-marked.
 */
class PostgresFaultsTest {
  private static final String SCHEMA = "softdelete_faults";

  private Connection admin;
  private SqlSessionFactory factory;

  @BeforeEach
  void createTable() throws SQLException {
    admin = Databases.postgres();
    execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
        // row 30 refuses to be marked: a statement that fails part way through its rows
        "CREATE TABLE " + SCHEMA + ".users (id INT PRIMARY KEY, deleted_at TIMESTAMP NULL,"
            + " CONSTRAINT row_30_stays CHECK (deleted_at IS NULL OR id <> 30))",
        "INSERT INTO " + SCHEMA + ".users SELECT g, NULL FROM generate_series(1, 100) g");
    Properties props = new Properties();
    props.setProperty("tables", "users");
    Configuration configuration = new Configuration(new Environment("faults", new JdbcTransactionFactory(),
        new UnpooledDataSource("org.postgresql.Driver", Databases.POSTGRES_URL + "&currentSchema=" + SCHEMA,
            "postgres", "")));
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(props)));
    configuration.addMapper(FaultMapper.class);
    factory = new SqlSessionFactoryBuilder().build(configuration);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (admin != null) {
      execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      admin.close();
    }
  }

  @Test
  void shouldLeaveNoMarkWhenTheTransactionRollsBackAfterTheSoftDelete() throws SQLException {
    // when
    int marked;
    try (SqlSession session = factory.openSession(false)) {
      marked = session.getMapper(FaultMapper.class).deleteUpTo(20);
      session.rollback(true);
    }

    // then
    assertThat(marked).isEqualTo(20);
    assertThat(count("deleted_at IS NOT NULL")).isZero();
    assertThat(count("TRUE")).isEqualTo(100);
  }

  @Test
  void shouldLeaveNoMarkWhenTheConnectionDiesBeforeCommit() throws SQLException {
    // when: the server ends the session's backend between the soft delete and the commit
    int marked;
    Throwable commitFailure;
    try (SqlSession session = factory.openSession(false)) {
      FaultMapper mapper = session.getMapper(FaultMapper.class);
      int pid = mapper.backendPid();
      marked = mapper.deleteUpTo(20);
      execute("SELECT pg_terminate_backend(" + pid + ")");
      commitFailure = catchThrowable(() -> session.commit(true));
    }

    // then
    assertThat(marked).isEqualTo(20);
    assertThat(commitFailure).isNotNull();
    assertThat(count("deleted_at IS NOT NULL")).isZero();
    assertThat(count("TRUE")).isEqualTo(100);
  }

  @Test
  void shouldLeaveNoHalfMarkedRowsWhenTheMarkingStatementFailsPartWay() throws SQLException {
    // when: rows 1 to 29 are marked before row 30 fails its constraint, in autocommit
    Throwable failure;
    try (SqlSession session = factory.openSession(true)) {
      failure = catchThrowable(() -> session.getMapper(FaultMapper.class).deleteUpTo(50));
    }

    // then: the statement is undone as a whole
    assertThat(failure).hasMessageContaining("row_30_stays");
    assertThat(count("deleted_at IS NOT NULL")).isZero();
    assertThat(count("TRUE")).isEqualTo(100);
  }

  private long count(String condition) throws SQLException {
    try (Statement statement = admin.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + SCHEMA + ".users WHERE " + condition)) {
      result.next();
      return result.getLong(1);
    }
  }

  private void execute(String... statements) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
