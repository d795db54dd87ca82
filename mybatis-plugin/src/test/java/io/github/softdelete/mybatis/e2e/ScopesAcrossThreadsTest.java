package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.SoftDeleteScope;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scopes are per thread, nest, and always put back what was there before, through MyBatis; a
 * {@link SoftDeleteScope} carries them to other threads.
 */
class ScopesAcrossThreadsTest {
  private static final List<String> LIVE = List.of("ann", "bob", "cid", "eve");
  private static final List<String> ALL = List.of("ann", "bob", "cid", "dee", "eve");
  private static final List<String> DELETED = List.of("dee");

  private TestDatabase db;
  private SqlSessionFactory factory;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    factory = db.factory(Plugins.softDelete());
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    if (pool != null) {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    db.close();
  }

  // a session per call: the local cache must not be what makes a test pass
  private List<String> names() {
    try (SqlSession session = factory.openSession()) {
      return session.getMapper(UserMapper.class).names();
    }
  }

  @Test
  void shouldLetInnerScopeWinAndRestoreOuterModeAfterException() {
    List<List<String>> seen = new ArrayList<>();

    IncludeDeleted.run(() -> {
      seen.add(names());
      assertThatThrownBy(() -> OnlyDeleted.run(() -> {
        seen.add(names());
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      seen.add(names());
    });
    seen.add(names());

    assertThat(seen).containsExactly(ALL, DELETED, ALL, LIVE);
    assertThat(SoftDeleteMode.current()).isEqualTo(SoftDeleteMode.DEFAULT);
  }

  @Test
  void shouldNotLeakScopeToTheNextTaskOfAPooledThread() throws Exception {
    pool = Executors.newSingleThreadExecutor();
    Future<?> failing = pool.submit(() -> IncludeDeleted.run(() -> {
      names();
      throw new IllegalStateException("task fails inside its scope");
    }));
    assertThatThrownBy(failing::get).hasRootCauseMessage("task fails inside its scope");

    // the same (only) thread runs the next task
    List<String> next = pool.submit(this::names).get(10, TimeUnit.SECONDS);

    assertThat(next).isEqualTo(LIVE);
  }

  @Test
  void shouldNotLeakScopeToAnotherThread() throws Exception {
    pool = Executors.newSingleThreadExecutor();

    List<String> elsewhere = IncludeDeleted.get(() -> {
      try {
        return pool.submit(this::names).get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(elsewhere).isEqualTo(LIVE);
  }

  @Test
  void shouldGiveEachOfManyThreadsMixingModesItsOwnRows() throws Exception {
    pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> failures = new ArrayList<>();
    List<Supplier<List<String>>> bodies = List.of(
        this::names,
        () -> IncludeDeleted.get(this::names),
        () -> OnlyDeleted.get(this::names),
        () -> HardDelete.get(this::names));
    List<List<String>> expected = List.of(LIVE, ALL, DELETED, LIVE);

    for (int t = 0; t < 4; t++) {
      int thread = t;
      failures.add(pool.submit(() -> {
        start.await();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          // each thread cycles through the modes, so neighbours are always in other modes
          int which = (thread + i) % 4;
          List<String> rows = bodies.get(which).get();
          if (!rows.equals(expected.get(which))) {
            wrong.add("mode " + which + " saw " + rows);
          }
        }
        return wrong;
      }));
    }
    start.countDown();

    for (Future<List<String>> f : failures) {
      assertThat(f.get(60, TimeUnit.SECONDS)).isEmpty();
    }
  }

  // ---------------------------------------------------------------- SoftDeleteScope

  @Test
  void shouldRunAWrappedTaskInTheScopeItWasCapturedIn() throws Exception {
    pool = Executors.newSingleThreadExecutor();
    Callable<List<String>> names = this::names;
    Callable<List<String>> trash = OnlyDeleted.get(() -> SoftDeleteScope.current().wrap(names));

    List<String> there = pool.submit(trash).get(10, TimeUnit.SECONDS);
    List<String> next = pool.submit(this::names).get(10, TimeUnit.SECONDS);

    assertThat(there).isEqualTo(DELETED);
    // the pooled thread carries nothing into its next task
    assertThat(next).isEqualTo(LIVE);
  }

  @Test
  void shouldGiveEachTaskOfAPropagatingExecutorItsSubmittersScope() throws Exception {
    pool = SoftDeleteScope.propagating(Executors.newFixedThreadPool(2));

    Future<List<String>> all = IncludeDeleted.get(() -> pool.submit(this::names));
    Future<List<String>> trash = OnlyDeleted.get(() -> pool.submit(this::names));
    Future<List<String>> plain = pool.submit(this::names);
    List<Future<List<String>>> batch = IncludeDeleted.get(() -> {
      try {
        return pool.invokeAll(List.of(this::names, this::names));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(all.get(10, TimeUnit.SECONDS)).isEqualTo(ALL);
    assertThat(trash.get(10, TimeUnit.SECONDS)).isEqualTo(DELETED);
    assertThat(plain.get(10, TimeUnit.SECONDS)).isEqualTo(LIVE);
    for (Future<List<String>> each : batch) {
      assertThat(each.get(10, TimeUnit.SECONDS)).isEqualTo(ALL);
    }
  }

  @Test
  void shouldCarryAScopeIntoACompletableFutureAndAParallelStream() throws Exception {
    pool = Executors.newFixedThreadPool(2);

    List<String> async = IncludeDeleted.get(() -> {
      SoftDeleteScope scope = SoftDeleteScope.current();
      return CompletableFuture.supplyAsync(scope.wrapSupplier(this::names), pool);
    }).get(10, TimeUnit.SECONDS);
    List<List<String>> parallel = OnlyDeleted.get(() -> {
      SoftDeleteScope scope = SoftDeleteScope.current();
      return IntStream.range(0, 8).parallel().mapToObj(i -> scope.get(this::names)).toList();
    });

    assertThat(async).isEqualTo(ALL);
    assertThat(parallel).hasSize(8).allSatisfy(rows -> assertThat(rows).isEqualTo(DELETED));
  }

  @Test
  void shouldSetExactlyTheCapturedScopeAndPutBackTheRunningThreads() {
    SoftDeleteScope outside = SoftDeleteScope.current();
    List<List<String>> seen = new ArrayList<>();

    IncludeDeleted.run(() -> {
      // a scope captured outside any scope runs in the default mode, whatever the running thread is in
      seen.add(outside.get(this::names));
      seen.add(names());
    });

    assertThat(outside.mode()).isEqualTo(SoftDeleteMode.DEFAULT);
    assertThat(seen).containsExactly(LIVE, ALL);
  }

  @Test
  void shouldLetACheckedExceptionOfACallableThroughUnchangedAndRestoreTheMode() {
    SoftDeleteScope scope = IncludeDeleted.get(SoftDeleteScope::current);
    Exception failure = new java.io.IOException("disk");

    assertThatThrownBy(() -> scope.call(() -> {
      throw failure;
    })).isSameAs(failure);
    assertThat(SoftDeleteMode.current()).isEqualTo(SoftDeleteMode.DEFAULT);
  }

  @Test
  void shouldRefuseANullBodyOrExecutor() {
    SoftDeleteScope scope = SoftDeleteScope.current();

    assertThatThrownBy(() -> scope.wrap((Runnable) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be null");
    assertThatThrownBy(() -> SoftDeleteScope.propagating((ExecutorService) null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("executor");
  }
}
