package io.github.softdelete.mybatis.e2e;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteScope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Run by {@link VirtualThreadScopesTest} on a JDK with virtual threads (the build targets 17, so they are
 * reached by reflection): prints, one line each, what tasks on virtual threads saw, submitted from inside and
 * outside scopes through {@link SoftDeleteScope#propagating}, and whether the threads were virtual.
 */
public final class VirtualThreadScopes {
  private VirtualThreadScopes() {}

  public static void main(String[] args) throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      SqlSessionFactory factory = db.factory(Plugins.softDelete());
      ExecutorService virtual = (ExecutorService) Executors.class
          .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
      ExecutorService pool = SoftDeleteScope.propagating(virtual);
      try {
        List<Future<String>> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          seen.add(IncludeDeleted.get(() -> pool.submit(() -> names(factory))));
          seen.add(OnlyDeleted.get(() -> pool.submit(() -> names(factory))));
          seen.add(pool.submit(() -> names(factory)));
        }
        for (Future<String> each : seen) {
          System.out.println(each.get(30, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
      }
    }
  }

  private static String names(SqlSessionFactory factory) throws Exception {
    boolean isVirtual = (boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
    try (SqlSession session = factory.openSession()) {
      return (isVirtual ? "virtual " : "platform ") + session.getMapper(UserMapper.class).names();
    }
  }
}
