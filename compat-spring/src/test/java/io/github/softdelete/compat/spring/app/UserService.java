package io.github.softdelete.compat.spring.app;

import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.IncludeDeleted;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/** Transactional use of the mapper, as a Spring service writes it. */
public class UserService {
  private final UserMapper users;

  public UserService(UserMapper users) {
    this.users = users;
  }

  @Transactional
  public List<String> names() {
    return users.names();
  }

  @Transactional
  public int delete(long id) {
    return users.delete(id);
  }

  /** Deletes, then fails: the transaction rolls back. */
  @Transactional
  public void deleteThenFail(long id) {
    users.delete(id);
    throw new IllegalStateException("failed after deleting user " + id);
  }

  /** The same query before, inside and after an IncludeDeleted scope, in one transaction (one SqlSession). */
  @Transactional
  public List<List<String>> namesAroundIncludeDeleted() {
    List<String> before = users.names();
    List<String> inside = IncludeDeleted.get(users::names);
    List<String> after = users.names();
    return List.of(before, inside, after);
  }

  @Transactional
  public int purge(long id) {
    return HardDelete.get(() -> users.delete(id));
  }
}
