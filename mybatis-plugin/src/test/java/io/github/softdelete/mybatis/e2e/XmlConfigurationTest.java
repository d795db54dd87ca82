package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.SoftDeleteException;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registered in mybatis-config.xml, as most applications do: the properties reach the plugin. */
class XmlConfigurationTest {
  private TestDatabase db;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private SqlSessionFactory fromXml(String resource, String tables) throws IOException {
    Properties variables = new Properties();
    variables.setProperty("url", db.url());
    variables.setProperty("tables", tables);
    variables.setProperty("onUnparseableSelect", "fail");
    try (Reader reader = Resources.getResourceAsReader(resource)) {
      return new SqlSessionFactoryBuilder().build(reader, variables);
    }
  }

  @Test
  void shouldSoftDeleteWithPluginRegisteredInXml() throws IOException {
    SqlSessionFactory factory = fromXml("io/github/softdelete/mybatis/e2e/mybatis-config.xml", "users,orders");
    try (SqlSession session = factory.openSession(true)) {
      UserMapper users = session.getMapper(UserMapper.class);

      int count = users.delete(2);

      assertThat(count).isEqualTo(1);
      assertThat(users.names()).containsExactly("ann", "cid", "eve");
      assertThat(db.queryLong("SELECT COUNT(*) FROM users")).isEqualTo(5);
    }
  }

  @Test
  void shouldOnlyTouchConfiguredTables() throws IOException {
    // orders has deleted_at too, but only users is configured
    SqlSessionFactory factory = fromXml("io/github/softdelete/mybatis/e2e/mybatis-config.xml", "users");
    try (SqlSession session = factory.openSession(true)) {
      OrderMapper orders = session.getMapper(OrderMapper.class);

      int count = orders.deleteAll(List.of(10L));

      assertThat(count).isEqualTo(1);
      assertThat(db.queryLong("SELECT COUNT(*) FROM orders")).isEqualTo(3);
      assertThat(orders.orderIds()).containsExactly(11L, 12L, 13L);
    }
  }

  @Test
  void shouldDetectSoftTablesWhenNoneAreConfigured() throws IOException {
    // a blank value counts as unset: every table with deleted_at (users, orders; not audit_log) is soft
    SqlSessionFactory factory = fromXml("io/github/softdelete/mybatis/e2e/mybatis-config.xml", "");
    try (SqlSession session = factory.openSession(true)) {
      UserMapper users = session.getMapper(UserMapper.class);
      OrderMapper orders = session.getMapper(OrderMapper.class);

      assertThat(users.names()).containsExactly("ann", "bob", "cid", "eve");
      assertThat(orders.orderIds()).containsExactly(10L, 11L, 13L);
      assertThat(users.auditMessages(0)).containsExactly("created", "checked");
    }
  }

  @Test
  void shouldRejectUnknownPropertyWhenTheFactoryIsBuilt() throws IOException {
    Throwable thrown;
    try (Reader reader = Resources.getResourceAsReader("io/github/softdelete/mybatis/e2e/mybatis-config-typo.xml")) {
      thrown = catchThrowable(() -> new SqlSessionFactoryBuilder().build(reader));
    }

    assertThat(thrown).hasRootCauseInstanceOf(SoftDeleteException.class)
        .hasRootCauseMessage("softdelete: unknown property 'colum'; known properties: column, tables, liveValue,"
            + " deletedValue, cacheSize, onUnparseableSelect, parseTimeoutMillis");
  }
}
