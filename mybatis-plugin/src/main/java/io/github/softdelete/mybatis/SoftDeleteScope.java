package io.github.softdelete.mybatis;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The scopes a thread is in (its {@link SoftDeleteMode} and its {@link DeletedBy}), captured so that work handed
 * to another thread runs in them too. Scopes are thread-local: a task given to an executor, a
 * {@code CompletableFuture} or a Spring {@code @Async} method otherwise runs in the default mode.
 *
 * <pre>{@code
 * SoftDeleteScope scope = SoftDeleteScope.current();        // on the caller's thread
 * executor.submit(scope.wrap(() -> mapper.findAll()));      // runs in the caller's scopes
 * CompletableFuture.supplyAsync(scope.wrapSupplier(mapper::findAll), executor);
 * ExecutorService carrying = SoftDeleteScope.propagating(executor); // every task: its submitter's scopes
 * }</pre>
 *
 * <p>Re-entering a scope sets exactly what was captured, not merged with what the running thread had, and puts
 * the thread's own scopes back when the body returns or throws, so a pooled thread carries nothing into its next
 * task. A scope captured outside any scope runs its body in the default mode.
 */
public final class SoftDeleteScope {
  private static final SoftDeleteScope NONE = new SoftDeleteScope(null, null);

  private final SoftDeleteMode mode;
  private final DeletedBy deletedBy;

  private SoftDeleteScope(SoftDeleteMode mode, DeletedBy deletedBy) {
    this.mode = mode;
    this.deletedBy = deletedBy;
  }

  /** The calling thread's scopes, as they are now. */
  public static SoftDeleteScope current() {
    SoftDeleteMode mode = ModeHolder.captured();
    DeletedBy deletedBy = DeletedBy.captured();
    return mode == null && deletedBy == null ? NONE : new SoftDeleteScope(mode, deletedBy);
  }

  /** No scope at all: what a thread outside every scope has. */
  public static SoftDeleteScope none() {
    return NONE;
  }

  /** The mode a body run in this scope sees. */
  public SoftDeleteMode mode() {
    return mode == null ? SoftDeleteMode.DEFAULT : mode;
  }

  /** Runs {@code body} in this scope on the calling thread. */
  public void run(Runnable body) {
    requireBody(body);
    get(() -> {
      body.run();
      return null;
    });
  }

  /** Runs {@code body} in this scope on the calling thread and returns what it returns. */
  public <T> T get(Supplier<T> body) {
    requireBody(body);
    return ModeHolder.restoring(mode, () -> DeletedBy.restoring(deletedBy, body));
  }

  /** Runs {@code body} in this scope on the calling thread; its exception passes through unchanged. */
  public <T> T call(Callable<T> body) throws Exception {
    requireBody(body);
    try {
      return get(() -> {
        try {
          return body.call();
        } catch (Exception e) {
          throw new Carried(e);
        }
      });
    } catch (Carried carried) {
      throw carried.exception;
    }
  }

  /** Carries a checked exception out of a {@link Supplier}. */
  private static final class Carried extends RuntimeException {
    private final Exception exception;

    Carried(Exception exception) {
      super(null, null, false, false);
      this.exception = exception;
    }
  }

  /** {@code body}, to be run on any thread in this scope. */
  public Runnable wrap(Runnable body) {
    requireBody(body);
    return () -> run(body);
  }

  /** {@code body}, to be run on any thread in this scope. */
  public <T> Callable<T> wrap(Callable<T> body) {
    requireBody(body);
    return () -> call(body);
  }

  /**
   * {@code body}, to be run on any thread in this scope ({@code CompletableFuture.supplyAsync(scope.wrapSupplier(
   * ...))}); named apart from {@code wrap} so that a method reference fits one overload only.
   */
  public <T> Supplier<T> wrapSupplier(Supplier<T> body) {
    requireBody(body);
    return () -> get(body);
  }

  /** An executor that runs each task in the scopes of the thread that handed it over. */
  public static Executor propagating(Executor executor) {
    Objects.requireNonNull(executor, "softdelete: the executor to propagate scopes to must not be null");
    if (executor instanceof ExecutorService service) {
      return propagating(service);
    }
    return task -> executor.execute(current().wrap(task));
  }

  /**
   * An executor service that runs each task in the scopes of the thread that submitted it; shutting it down
   * shuts down {@code executor}.
   */
  public static ExecutorService propagating(ExecutorService executor) {
    Objects.requireNonNull(executor, "softdelete: the executor to propagate scopes to must not be null");
    return executor instanceof ScopePropagatingExecutorService ? executor
        : new ScopePropagatingExecutorService(executor);
  }

  @Override
  public String toString() {
    // who deletes is an audit value, kept out of anything that may be logged
    return "SoftDeleteScope[" + mode() + (deletedBy == null ? "" : ", with a DeletedBy scope") + "]";
  }

  private static void requireBody(Object body) {
    if (body == null) {
      throw new IllegalArgumentException("softdelete: the body of a SoftDeleteScope must not be null");
    }
  }

  /** Wraps each task at submission, on the submitter's thread, so that it runs in the submitter's scopes. */
  private static final class ScopePropagatingExecutorService implements ExecutorService {
    private final ExecutorService delegate;

    ScopePropagatingExecutorService(ExecutorService delegate) {
      this.delegate = delegate;
    }

    private static <T> List<Callable<T>> wrapped(Collection<? extends Callable<T>> tasks) {
      SoftDeleteScope scope = current();
      return tasks.stream().map(scope::wrap).toList();
    }

    @Override
    public void execute(Runnable command) {
      delegate.execute(current().wrap(command));
    }

    @Override
    public Future<?> submit(Runnable task) {
      return delegate.submit(current().wrap(task));
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
      return delegate.submit(current().wrap(task), result);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
      return delegate.submit(current().wrap(task));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
      return delegate.invokeAll(wrapped(tasks));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException {
      return delegate.invokeAll(wrapped(tasks), timeout, unit);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
        throws InterruptedException, ExecutionException {
      return delegate.invokeAny(wrapped(tasks));
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return delegate.invokeAny(wrapped(tasks), timeout, unit);
    }

    @Override
    public void shutdown() {
      delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
      return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return delegate.awaitTermination(timeout, unit);
    }
  }
}
