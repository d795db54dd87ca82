package io.github.softdelete.mybatis.rewrite;

/**
 * The SQL to run instead of the SQL the application sent.
 *
 * @param sql the SQL to run; the very same string as the input when {@code changed} is false
 * @param changed whether the engine changed anything
 */
public record RewriteResult(String sql, boolean changed) {
  static RewriteResult unchanged(String sql) {
    return new RewriteResult(sql, false);
  }
}
