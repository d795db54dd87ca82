package io.github.softdelete.benchmarks;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import com.baomidou.mybatisplus.core.MybatisSqlSessionFactoryBuilder;
import com.baomidou.mybatisplus.extension.parser.JsqlParserGlobal;
import com.baomidou.mybatisplus.extension.parser.cache.JdkSerialCaffeineJsqlParseCache;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.handler.MultiDataPermissionHandler;
import com.baomidou.mybatisplus.extension.plugins.inner.DataPermissionInterceptor;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/** The ways of running the same calls that the benchmarks compare. */
public enum Variant {
  /** Plain MyBatis, the filter written by hand in every statement: the floor. */
  FLOOR {
    @Override
    Calls calls(DataSource dataSource) {
      return new MyBatisCalls(plainFactory(dataSource), true);
    }
  },
  /** Plain MyBatis, no filter at all: a reference (returns deleted rows; deletes are not run with it). */
  PLAIN {
    @Override
    Calls calls(DataSource dataSource) {
      return new MyBatisCalls(plainFactory(dataSource), false);
    }
  },
  /** Our interceptor with its defaults (soft tables detected), statements written without the filter. */
  SOFTDELETE {
    @Override
    Calls calls(DataSource dataSource) {
      Configuration configuration = configuration(new Configuration(), dataSource);
      configuration.addInterceptor(new SoftDeleteInterceptor());
      configuration.addMapper(ShopMapper.class);
      return new MyBatisCalls(new SqlSessionFactoryBuilder().build(configuration), false);
    }
  },
  /** MyBatis-Plus {@code @TableLogic} with {@code BaseMapper}: the filter is generated at start-up. */
  MP_LOGIC {
    @Override
    Calls calls(DataSource dataSource) {
      return new MpLogicCalls(mybatisPlusFactory(dataSource, false));
    }
  },
  /** MyBatis-Plus's runtime rewrite: {@code DataPermissionInterceptor} parses every statement, no cache. */
  MP_REWRITE {
    @Override
    Calls calls(DataSource dataSource) {
      mybatisPlusParseCache(false);
      return new MyBatisCalls(mybatisPlusFactory(dataSource, true), false, true);
    }
  },
  /** The same with MyBatis-Plus's parse cache (serialised parse trees in Caffeine). */
  MP_REWRITE_CACHED {
    @Override
    Calls calls(DataSource dataSource) {
      mybatisPlusParseCache(true);
      return new MyBatisCalls(mybatisPlusFactory(dataSource, true), false, true);
    }
  };

  private static final Set<String> SOFT_TABLES = Set.of("users", "orders");

  abstract Calls calls(DataSource dataSource);

  /** One call per benchmarked shape, each through a fresh SqlSession, as Spring's template opens one per call. */
  interface Calls {
    User pointSelect(long id);

    List<UserOrder> join(long orderId);

    String untouchedSelect(long productId);

    int deleteById(long id);
  }

  private static Configuration configuration(Configuration configuration, DataSource dataSource) {
    configuration.setEnvironment(new Environment("bench", new JdbcTransactionFactory(), dataSource));
    configuration.setMapUnderscoreToCamelCase(true);
    return configuration;
  }

  private static SqlSessionFactory plainFactory(DataSource dataSource) {
    Configuration configuration = configuration(new Configuration(), dataSource);
    configuration.addMapper(ShopMapper.class);
    return new SqlSessionFactoryBuilder().build(configuration);
  }

  private static SqlSessionFactory mybatisPlusFactory(DataSource dataSource, boolean runtimeRewrite) {
    MybatisConfiguration configuration = (MybatisConfiguration) configuration(new MybatisConfiguration(), dataSource);
    if (runtimeRewrite) {
      configuration.addInterceptor(mybatisPlusRuntimeRewrite());
    }
    configuration.addMapper(ShopMapper.class);
    configuration.addMapper(MpUserMapper.class);
    return new MybatisSqlSessionFactoryBuilder().build(configuration);
  }

  /**
   * MyBatis-Plus's closest match to "add the filter to every statement at run time": its data-permission inner
   * interceptor, which parses each SELECT (UPDATE, DELETE) with JSqlParser and asks the handler below for a
   * condition per table it meets, joined tables included (in the ON clause of an outer join).
   */
  static MybatisPlusInterceptor mybatisPlusRuntimeRewrite() {
    MybatisPlusInterceptor interceptor = new MybatisPlusInterceptor();
    interceptor.addInnerInterceptor(new DataPermissionInterceptor(liveRowsOnly()));
    return interceptor;
  }

  /**
   * Sets MyBatis-Plus's parse cache, which is global to the JVM: a new, empty one (parse trees serialised into
   * Caffeine, the one cache of this version that needs no extra serialiser on the class path), or none.
   */
  static void mybatisPlusParseCache(boolean cached) {
    JsqlParserGlobal.setJsqlParseCache(cached
        ? new JdkSerialCaffeineJsqlParseCache(cache -> cache.maximumSize(1024)) : null);
  }

  /** Adds {@code <alias or table>.deleted_at IS NULL} for every reference to a soft table. */
  private static MultiDataPermissionHandler liveRowsOnly() {
    return (table, where, mappedStatementId) -> {
      if (!SOFT_TABLES.contains(table.getName().toLowerCase(Locale.ROOT))) {
        return null;
      }
      Table qualifier = table.getAlias() == null ? new Table(table.getName()) : new Table(table.getAlias().getName());
      return new IsNullExpression(new Column(qualifier, "deleted_at"));
    };
  }

  /** The mapper of plain MyBatis; {@code filtered} picks the hand-written statements. */
  private static final class MyBatisCalls implements Calls {
    private final SqlSessionFactory factory;
    private final boolean filtered;
    private final boolean completesUpdate;

    MyBatisCalls(SqlSessionFactory factory, boolean filtered) {
      this(factory, filtered, false);
    }

    /**
     * @param completesUpdate the variant adds the live-row predicate to an UPDATE (MyBatis-Plus's rewrite)
     *     but cannot turn a DELETE into one: its delete is the UPDATE without the predicate
     */
    MyBatisCalls(SqlSessionFactory factory, boolean filtered, boolean completesUpdate) {
      this.factory = factory;
      this.filtered = filtered;
      this.completesUpdate = completesUpdate;
    }

    @Override
    public User pointSelect(long id) {
      try (SqlSession session = factory.openSession(true)) {
        ShopMapper mapper = session.getMapper(ShopMapper.class);
        return filtered ? mapper.userFiltered(id) : mapper.user(id);
      }
    }

    @Override
    public List<UserOrder> join(long orderId) {
      try (SqlSession session = factory.openSession(true)) {
        ShopMapper mapper = session.getMapper(ShopMapper.class);
        return filtered ? mapper.joinFiltered(orderId) : mapper.join(orderId);
      }
    }

    @Override
    public String untouchedSelect(long productId) {
      try (SqlSession session = factory.openSession(true)) {
        return session.getMapper(ShopMapper.class).productTitle(productId);
      }
    }

    @Override
    public int deleteById(long id) {
      try (SqlSession session = factory.openSession(true)) {
        ShopMapper mapper = session.getMapper(ShopMapper.class);
        if (filtered) {
          return mapper.markDeletedFiltered(id);
        }
        return completesUpdate ? mapper.markDeleted(id) : mapper.delete(id);
      }
    }
  }

  /** MyBatis-Plus's generated statements. */
  private static final class MpLogicCalls implements Calls {
    private final SqlSessionFactory factory;

    MpLogicCalls(SqlSessionFactory factory) {
      this.factory = factory;
    }

    @Override
    public User pointSelect(long id) {
      try (SqlSession session = factory.openSession(true)) {
        return session.getMapper(MpUserMapper.class).selectById(id);
      }
    }

    @Override
    public List<UserOrder> join(long orderId) {
      try (SqlSession session = factory.openSession(true)) {
        return session.getMapper(MpUserMapper.class).joinFiltered(orderId);
      }
    }

    @Override
    public String untouchedSelect(long productId) {
      try (SqlSession session = factory.openSession(true)) {
        return session.getMapper(ShopMapper.class).productTitle(productId);
      }
    }

    @Override
    public int deleteById(long id) {
      try (SqlSession session = factory.openSession(true)) {
        return session.getMapper(MpUserMapper.class).deleteById(id);
      }
    }
  }
}
