package io.github.softdelete.mybatis.e2e;

import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.util.Properties;

/** The interceptor as the tests register it: users and orders are soft, audit_log is not. */
final class Plugins {
  private Plugins() {}

  static SoftDeleteInterceptor softDelete() {
    Properties properties = new Properties();
    properties.setProperty("tables", "users,orders");
    return new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties));
  }
}
