package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.pagehelper.PageInterceptor;
import io.github.softdelete.mybatis.LogCapture;
import java.util.Properties;
import java.util.logging.Level;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PageHelper registered after softdelete wraps outside it, where its asynchronous count escapes the filter:
 * softdelete says so, once per configuration, through MyBatis's logging.
 */
class PluginOrderWarningTest {
  private TestDatabase db;

  @RegisterExtension
  final LogCapture logs = LogCapture.of("io.github.softdelete.mybatis.internal.PluginOrder");

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private static PageInterceptor pageHelper() {
    PageInterceptor pageHelper = new PageInterceptor();
    Properties properties = new Properties();
    properties.setProperty("helperDialect", "h2");
    pageHelper.setProperties(properties);
    return pageHelper;
  }

  private static void runTwice(SqlSessionFactory factory) {
    for (int i = 0; i < 2; i++) {
      try (SqlSession session = factory.openSession()) {
        session.getMapper(UserMapper.class).names();
      }
    }
  }

  @Test
  void shouldWarnOnceWhenPageHelperWrapsOutsideSoftdelete() {
    runTwice(db.factory(Plugins.softDelete(), pageHelper()));

    assertThat(logs.records()).singleElement().satisfies(r -> {
      assertThat(r.getLevel()).isEqualTo(Level.WARNING);
      assertThat(r.getMessage()).isEqualTo("softdelete: PageHelper's PageInterceptor is registered after"
          + " SoftDeleteInterceptor, so it wraps outside it; a PageHelper count run asynchronously"
          + " (enableAsyncCount) would then count deleted rows. Register SoftDeleteInterceptor after PageInterceptor.");
    });
  }

  @Test
  void shouldStayQuietWhenSoftdeleteWrapsOutsidePageHelper() {
    runTwice(db.factory(pageHelper(), Plugins.softDelete()));

    assertThat(logs.records()).isEmpty();
  }
}
