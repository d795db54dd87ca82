package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.SoftDeleteMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each statement's road through the interceptor is decided once per mode: a static statement asks the engine
 * once per mode, whatever the path, and a dynamic update with cascades configured builds its SQL and asks the
 * engine once per call, as without cascades (it used to do both twice: once to find its cascades, once to run).
 */
class OnePlanPerStatementTest {
  private final TestDatabase db = TestDatabase.create(LifecycleDatabase.SCHEMA);
  private SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    db.close();
  }

  /** Attachments, which have no children: with cascades configured, nothing runs before their statements. */
  public interface AttachmentMapper {
    @Update({"<script>UPDATE attachments SET file_name = #{name}",
        "<where><if test='id != null'>id = #{id}</if></where></script>"})
    int rename(Named named);

    @Update("UPDATE attachments SET file_name = #{name} WHERE id = #{id}")
    int renameStatic(@Param("id") long id, @Param("name") String name);

    @Select("SELECT file_name FROM attachments WHERE id = #{id}")
    String name(long id);
  }

  /** A parameter that counts how often MyBatis reads its id: once per SQL build and once per binding. */
  public static final class Named {
    private final Long id;
    private final String name;
    final AtomicInteger idReads = new AtomicInteger();

    Named(Long id, String name) {
      this.id = id;
      this.name = name;
    }

    public Long getId() {
      idReads.incrementAndGet();
      return id;
    }

    public String getName() {
      return name;
    }
  }

  private SqlSessionFactory factory(Properties properties) {
    SoftDeleteInterceptor interceptor = new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties));
    SoftDeleteMetrics.bind(interceptor, registry);
    SqlSessionFactory factory = db.factory(interceptor);
    factory.getConfiguration().addMapper(AttachmentMapper.class);
    return factory;
  }

  private double engineLookups() {
    return registry.get("softdelete.cache.hits").counter().count()
        + registry.get("softdelete.cache.misses").counter().count();
  }

  private static Properties withoutCascades() {
    Properties properties = LifecycleDatabase.auditAndCascades();
    properties.remove("cascade");
    return properties;
  }

  /** How often three renames read the parameter's id, and how many engine lookups they made. */
  private int[] threeRenames(Properties properties) {
    Named named = new Named(100L, "renamed.txt");
    double before;
    try (SqlSession session = factory(properties).openSession(true)) {
      AttachmentMapper mapper = session.getMapper(AttachmentMapper.class);
      before = engineLookups();
      for (int i = 0; i < 3; i++) {
        assertThat(mapper.rename(named)).isEqualTo(1);
      }
      assertThat(mapper.name(100)).isEqualTo("renamed.txt");
      return new int[] {named.idReads.get(), (int) (engineLookups() - before)};
    }
  }

  @Test
  void shouldBuildADynamicUpdateOncePerCallWhenCascadesAreConfigured() {
    int[] plain = threeRenames(withoutCascades());
    registry = new SimpleMeterRegistry();
    int[] withCascades = threeRenames(LifecycleDatabase.auditAndCascades());

    // the id is read when the SQL is built and when it is bound: as often with cascades as without
    assertThat(withCascades[0]).isEqualTo(plain[0]);
    // three updates and one query, one engine answer each
    assertThat(withCascades[1]).isEqualTo(4);
    assertThat(plain[1]).isEqualTo(4);
  }

  @Test
  void shouldAskTheEngineOncePerModeForAStaticStatementWhateverThePath() {
    try (SqlSession session = factory(LifecycleDatabase.auditAndCascades()).openSession(true)) {
      AttachmentMapper mapper = session.getMapper(AttachmentMapper.class);
      double before = engineLookups();
      for (int i = 0; i < 5; i++) {
        mapper.renameStatic(100, "a" + i);
        mapper.name(100);
        session.clearCache();
        OnlyDeleted.get(() -> mapper.name(101));
        session.clearCache();
      }
      assertThat(mapper.name(100)).isEqualTo("a4");
      // renameStatic in the default mode, name in the default mode and in OnlyDeleted
      assertThat(engineLookups() - before).isEqualTo(3);
    }
  }
}
