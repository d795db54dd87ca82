package io.github.softdelete.compat.spring.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;

/** Reads users on one of Spring's task executor threads, as an {@code @Async} method does. */
public class AsyncUserService {
  private final UserMapper users;

  public AsyncUserService(UserMapper users) {
    this.users = users;
  }

  @Async
  public CompletableFuture<List<String>> names() {
    return CompletableFuture.completedFuture(users.names());
  }
}
