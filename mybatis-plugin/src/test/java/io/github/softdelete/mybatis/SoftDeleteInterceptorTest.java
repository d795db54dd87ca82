package io.github.softdelete.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Properties;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.SimpleExecutor;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;

/** The plugin's contract with MyBatis, apart from running statements (see the e2e tests for that). */
class SoftDeleteInterceptorTest {

  @Test
  void shouldWrapExecutorsInPlainDelegateNotReflectiveProxy() {
    Executor executor = new SimpleExecutor(new Configuration(), null);

    Object plugged = new SoftDeleteInterceptor().plugin(executor);

    assertThat(plugged).isNotSameAs(executor).isInstanceOf(Executor.class);
    assertThat(Proxy.isProxyClass(plugged.getClass())).isFalse();
    ((Executor) plugged).close(false);
    assertThat(executor.isClosed()).isTrue();
  }

  @Test
  void shouldReturnAnyOtherTargetUntouched() {
    Object target = new StringBuilder("a statement handler, say");

    assertThat(new SoftDeleteInterceptor().plugin(target)).isSameAs(target);
  }

  @Test
  void shouldRejectBadPropertyWhenPropertiesAreSet() {
    Properties properties = new Properties();
    properties.setProperty("column", "deleted at");
    SoftDeleteInterceptor interceptor = new SoftDeleteInterceptor();

    assertThatThrownBy(() -> interceptor.setProperties(properties))
        .isInstanceOf(SoftDeleteException.class)
        .hasMessage("softdelete: property 'column' has value 'deleted at': not a SQL identifier");
  }
}
