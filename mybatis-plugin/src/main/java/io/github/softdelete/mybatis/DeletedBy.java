package io.github.softdelete.mybatis;

import java.util.function.Supplier;

/**
 * Who deletes, and why: {@code DeletedBy.as("alice").because("customer request").run(() -> mapper.delete(42))}
 * writes {@code alice} into {@code deletedByColumn} and the reason into {@code deleteReasonColumn}, in the
 * same UPDATE that marks the row, as JDBC parameters.
 *
 * <p>Scopes are per thread and nest; a value an inner scope leaves unset ({@code null}) is taken from the
 * outer scope, so {@code DeletedBy.as(null).because("cleanup")} inside {@code DeletedBy.as("alice")} deletes
 * as alice. Without a user in any scope the {@link DeletedBySupplier} is asked; without either, NULL is
 * written. The previous values are restored when the body returns or throws.
 */
public final class DeletedBy {
  private static final ThreadLocal<DeletedBy> CURRENT = new ThreadLocal<>();

  private final String user;
  private final String reason;

  private DeletedBy(String user, String reason) {
    this.user = user;
    this.reason = reason;
  }

  /**
   * A scope in which deletes are made by {@code user}; {@code null}: by whoever the outer scope or the supplier
   * says.
   */
  public static DeletedBy as(String user) {
    return new DeletedBy(user, null);
  }

  /** This scope with a reason for the deletes made in it. */
  public DeletedBy because(String reason) {
    return new DeletedBy(user, reason);
  }

  /** Runs {@code body} in this scope. */
  public void run(Runnable body) {
    if (body == null) {
      throw new IllegalArgumentException("softdelete: the body of a DeletedBy scope must not be null");
    }
    get(() -> {
      body.run();
      return null;
    });
  }

  /** Runs {@code body} in this scope and returns what it returns. */
  public <T> T get(Supplier<T> body) {
    if (body == null) {
      throw new IllegalArgumentException("softdelete: the body of a DeletedBy scope must not be null");
    }
    DeletedBy previous = CURRENT.get();
    return restoring(previous == null ? this : new DeletedBy(
        user != null ? user : previous.user, reason != null ? reason : previous.reason), body);
  }

  /** The thread's innermost scope, its values merged with the outer ones', or {@code null} outside any. */
  static DeletedBy captured() {
    return CURRENT.get();
  }

  /**
   * Runs {@code body} with exactly {@code captured} as the thread's scope ({@code null}: none), not merged
   * with what the thread had, then puts that back.
   */
  static <T> T restoring(DeletedBy captured, Supplier<T> body) {
    return ThreadValues.with(CURRENT, captured, body);
  }

  /** The user of this thread's innermost scope that names one, or {@code null}. */
  public static String currentUser() {
    DeletedBy current = CURRENT.get();
    return current == null ? null : current.user;
  }

  /** The reason of this thread's innermost scope that gives one, or {@code null}. */
  public static String currentReason() {
    DeletedBy current = CURRENT.get();
    return current == null ? null : current.reason;
  }
}
