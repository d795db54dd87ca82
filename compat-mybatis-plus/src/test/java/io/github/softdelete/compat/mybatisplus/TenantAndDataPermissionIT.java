package io.github.softdelete.compat.mybatisplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.handler.MultiDataPermissionHandler;
import com.baomidou.mybatisplus.extension.plugins.handler.TenantLineHandler;
import com.baomidou.mybatisplus.extension.plugins.inner.DataPermissionInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.TenantLineInnerInterceptor;
import io.github.softdelete.compat.mybatisplus.SideBySide.Registration;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.Undelete;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MyBatis-Plus's tenant line and data permission interceptors registered with softdelete, in both orders: every
 * statement gets all three filters (the tenant's rows, the permitted rows, the live rows), and softdelete's
 * conversions (DELETE into a marking UPDATE, undo, the scopes) keep the other two.
 *
 * <p>Tenant 1 has accounts ann (live), bob (live, hidden by the data permission: name {@code <> 'bob'}) and
 * dee (deleted); tenant 2 has cid (live). Invoices: 10 of ann, 11 of bob, 12 of dee (deleted), 20 of cid.
 */
class TenantAndDataPermissionIT {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final long TENANT = 1;

  private UnpooledDataSource dataSource;
  // each statement the data permission handler saw, by its table
  private final List<String> permissionChecks = new ArrayList<>();

  @BeforeEach
  void setUp() throws SQLException {
    dataSource = new UnpooledDataSource("org.h2.Driver",
        "jdbc:h2:mem:compat_tenant" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, tenant_id BIGINT NOT NULL, name VARCHAR(50) NOT NULL,"
        + " deleted_at TIMESTAMP)");
    execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY, tenant_id BIGINT NOT NULL, account_id BIGINT NOT NULL,"
        + " deleted_at TIMESTAMP)");
    execute("INSERT INTO accounts (id, tenant_id, name, deleted_at) VALUES (1, 1, 'ann', NULL), (2, 1, 'bob', NULL),"
        + " (3, 2, 'cid', NULL), (4, 1, 'dee', TIMESTAMP '2026-01-01 00:00:00')");
    execute("INSERT INTO invoices (id, tenant_id, account_id, deleted_at) VALUES (10, 1, 1, NULL), (11, 1, 2, NULL),"
        + " (12, 1, 4, TIMESTAMP '2026-01-01 00:00:00'), (20, 2, 3, NULL)");
  }

  @AfterEach
  void tearDown() throws SQLException {
    execute("SHUTDOWN");
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void shouldApplyTenantPermissionAndSoftDeleteToGeneratedSelects(Registration registration) {
    try (SqlSession session = factory(registration).openSession(true)) {
      AccountMapper accounts = session.getMapper(AccountMapper.class);

      assertThat(names(accounts.selectList(null))).containsExactly("ann");
      assertThat(names(IncludeDeleted.get(() -> accounts.selectList(null)))).containsExactlyInAnyOrder("ann", "dee");
      assertThat(names(OnlyDeleted.get(() -> accounts.selectList(null)))).containsExactly("dee");
      // another tenant's live row, by id: the tenant filter stays in every mode
      assertThat(IncludeDeleted.get(() -> accounts.selectById(3L))).isNull();
      assertThat(permissionChecks).contains("accounts");
    }
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void shouldApplyAllThreeFiltersToEveryTableOfTheApplicationsOwnSql(Registration registration) {
    try (SqlSession session = factory(registration).openSession(true)) {
      AccountMapper accounts = session.getMapper(AccountMapper.class);

      assertThat(accounts.invoicedNames()).containsExactly("ann");
      assertThat(accounts.namesWithInvoices()).containsExactly("ann");
      assertThat(IncludeDeleted.get(accounts::invoicedNames)).containsExactlyInAnyOrder("ann", "dee");
    }
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void shouldMarkOnlyTheTenantsLiveRowsAndUndoThem(Registration registration) throws SQLException {
    try (SqlSession session = factory(registration).openSession(true)) {
      AccountMapper accounts = session.getMapper(AccountMapper.class);

      int otherTenants = accounts.deleteInvoicesOf(3);
      int own = accounts.deleteInvoicesOf(1);
      int generated = accounts.deleteById(1L);

      assertThat(otherTenants).isZero();
      assertThat(own).isEqualTo(1);
      assertThat(generated).isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM invoices WHERE deleted_at IS NOT NULL")).isEqualTo(2);
      assertThat(count("SELECT COUNT(*) FROM invoices")).isEqualTo(4);
      assertThat(count("SELECT COUNT(*) FROM accounts WHERE id = 1 AND deleted_at IS NOT NULL")).isEqualTo(1);

      // undo through the same DELETE: restores the tenant's row, not another tenant's
      assertThat(Undelete.get(() -> accounts.deleteInvoicesOf(1))).isEqualTo(1);
      assertThat(Undelete.get(() -> accounts.deleteInvoicesOf(3))).isZero();
      assertThat(count("SELECT COUNT(*) FROM invoices WHERE deleted_at IS NOT NULL")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void shouldUpdateOnlyTheTenantsLivePermittedRowsAndInsertWithTheTenant(Registration registration)
      throws SQLException {
    try (SqlSession session = factory(registration).openSession(true)) {
      AccountMapper accounts = session.getMapper(AccountMapper.class);

      int updated = accounts.update(new UpdateWrapper<Account>().set("name", "x").in("id", 1, 2, 3, 4));
      Account eve = new Account();
      eve.setId(5L);
      eve.setName("eve");
      accounts.insert(eve);

      // ann only: bob is not permitted, cid is another tenant's, dee is deleted
      assertThat(updated).isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM accounts WHERE name = 'x' AND id = 1")).isEqualTo(1);
      assertThat(count("SELECT tenant_id FROM accounts WHERE id = 5")).isEqualTo(TENANT);
      assertThat(names(accounts.selectList(null))).containsExactlyInAnyOrder("x", "eve");
    }
  }

  private static List<String> names(List<Account> accounts) {
    return accounts.stream().map(Account::getName).toList();
  }

  private SqlSessionFactory factory(Registration registration) {
    MybatisPlusInterceptor mybatisPlus = new MybatisPlusInterceptor();
    mybatisPlus.addInnerInterceptor(new TenantLineInnerInterceptor(new TenantLineHandler() {
      @Override
      public Expression getTenantId() {
        return new LongValue(TENANT);
      }
    }));
    mybatisPlus.addInnerInterceptor(new DataPermissionInterceptor(new MultiDataPermissionHandler() {
      @Override
      public Expression getSqlSegment(Table table, Expression where, String mappedStatementId) {
        if (!table.getName().equalsIgnoreCase("accounts")) {
          return null;
        }
        permissionChecks.add(table.getName().toLowerCase());
        String qualifier = table.getAlias() != null ? table.getAlias().getName() : table.getName();
        try {
          return CCJSqlParserUtil.parseCondExpression(qualifier + ".name <> 'bob'");
        } catch (JSQLParserException e) {
          throw new IllegalStateException(e);
        }
      }
    }));
    Properties properties = new Properties();
    properties.setProperty("tables", "accounts,invoices");
    Interceptor softDelete = new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties));

    return SideBySide.factory(dataSource, registration, mybatisPlus, softDelete, AccountMapper.class);
  }

  private void execute(String sql) throws SQLException {
    SideBySide.execute(dataSource, sql);
  }

  private long count(String sql) throws SQLException {
    return SideBySide.count(dataSource, sql);
  }
}
