package io.github.softdelete.agent.it;

import io.github.softdelete.fixture.plain.UserMapper;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.SoftDeleteScope;
import io.github.softdelete.mybatis.Undelete;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;

/**
 * The plain fixture's MyBatis setup, used by code that opens softdelete's scopes from a softdelete-mybatis of
 * its own (no interceptor registered: the agent brings it; with {@code --own-plugin} it registers one in code).
 * Prints what each scope sees.
 */
public final class ScopedApp {
  private ScopedApp() {}

  public static void main(String[] args) throws Exception {
    SqlSessionFactory factory;
    try (Reader reader = Resources.getResourceAsReader("mybatis-config.xml")) {
      factory = new SqlSessionFactoryBuilder().build(reader);
    }
    if (List.of(args).contains("--own-plugin")) {
      // as SqlSessionFactoryBean#setPlugins and a Spring Interceptor bean do: into the configuration's chain
      factory.getConfiguration().addInterceptor(new SoftDeleteInterceptor());
    }
    String script;
    try (InputStream in = ScopedApp.class.getResourceAsStream("/schema.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection connection = factory.getConfiguration().getEnvironment().getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : script.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
    try (SqlSession session = factory.openSession(true)) {
      UserMapper users = session.getMapper(UserMapper.class);
      System.out.println("deleted: " + users.deleteUser(1));
      System.out.println("users: " + users.names());
      System.out.println("include-deleted: " + IncludeDeleted.get(users::names));
      System.out.println("include-deleted users: " + IncludeDeleted.tables("users").get(users::names));
      System.out.println("include-deleted notes: " + IncludeDeleted.tables("notes").get(users::names));
      SoftDeleteScope captured = IncludeDeleted.tables("USERS").get(SoftDeleteScope::current);
      System.out.println("captured on another thread: "
          + CompletableFuture.supplyAsync(captured.wrapSupplier(users::names)).join());
      System.out.println("restored: " + Undelete.get(() -> users.deleteUser(1)));
      System.out.println("users after undo: " + users.names());
    }
  }
}
