package io.github.softdelete.mybatis.uniquekeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * The life of a unique email under soft deletes, through MyBatis and the interceptor, on a table
 * {@code accounts (id, email, <marker>)} that some strategy keeps unique among live rows: create, delete,
 * create again with the same email, delete again, create a third time; a second live account with that email
 * is still refused.
 */
public final class UniqueKeyScenario {
  private final SqlSessionFactory factory;
  private final String column;

  private UniqueKeyScenario(SqlSessionFactory factory, String column) {
    this.factory = factory;
    this.column = column;
  }

  /**
   * @param options the interceptor's properties, e.g. {@code column=deleted_token}
   */
  public static UniqueKeyScenario on(String driver, String url, String user, String password, String... options) {
    Properties properties = new Properties();
    properties.setProperty("tables", "accounts");
    for (String option : options) {
      properties.setProperty(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
    }
    Configuration configuration = new Configuration(new Environment("unique-keys", new JdbcTransactionFactory(),
        new UnpooledDataSource(driver, url, user, password)));
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
    configuration.addMapper(AccountMapper.class);
    return new UniqueKeyScenario(new SqlSessionFactoryBuilder().build(configuration),
        properties.getProperty("column", "deleted_at"));
  }

  /** Runs one mapper call in its own auto-committed session (a failed statement aborts nothing else). */
  public <T> T call(Function<AccountMapper, T> body) {
    try (SqlSession session = factory.openSession(true)) {
      return body.apply(session.getMapper(AccountMapper.class));
    }
  }

  public int insert(long id, String email) {
    return call(m -> m.insert(id, email));
  }

  public int delete(String email) {
    return call(m -> m.deleteByEmail(email));
  }

  public List<Long> ids(String email) {
    return call(m -> m.idsByEmail(email));
  }

  /**
   * Create, delete, re-create, delete again, re-create: every step succeeds; a live duplicate fails, and so
   * does restoring a deleted row whose email is taken.
   */
  public void createDeleteRecreateDeleteAgain() {
    String email = "ann@example.com";
    assertThat(insert(1, email)).isEqualTo(1);
    assertThat(delete(email)).isEqualTo(1);

    assertThat(insert(2, email)).as("re-create after delete").isEqualTo(1);
    assertThat(delete(email)).as("marks only the live row").isEqualTo(1);

    assertThat(insert(3, email)).as("re-create after the second delete").isEqualTo(1);
    assertThatThrownBy(() -> insert(4, email))
        .as("a second live account with the same email").isInstanceOf(PersistenceException.class);

    assertThat(ids(email)).containsExactly(3L);
    assertThat(IncludeDeleted.get(() -> ids(email))).containsExactly(1L, 2L, 3L);

    // restoring (in IncludeDeleted) a deleted row whose email the live row 3 now has: the constraint refuses
    boolean token = "deleted_token".equals(column);
    assertThatThrownBy(() -> IncludeDeleted.run(() -> call(m -> token ? m.restoreToken(2) : m.restoreDeletedAt(2))))
        .as("restore of a row whose key is taken").isInstanceOf(PersistenceException.class);
    assertThat(IncludeDeleted.get(() -> ids(email))).containsExactly(1L, 2L, 3L);
    assertThat(ids(email)).containsExactly(3L);
  }

  /** With {@code UNIQUE (email, deleted_at)} two live accounts share an email: the constraint is useless. */
  public void liveDuplicatesSlipThroughUniqueEmailAndMarker() {
    String email = "bob@example.com";
    assertThat(insert(1, email)).isEqualTo(1);
    assertThat(insert(2, email)).as("NULL markers are distinct, so nothing stops this").isEqualTo(1);
    assertThat(ids(email)).isEqualTo(List.of(1L, 2L));
  }
}
