package io.github.softdelete.mybatis.engine;

import java.util.List;

/**
 * What the interceptor runs for one statement in one mode.
 *
 * @param statements the SQL that reaches JDBC, in order (a cascade's children before the statement itself);
 *     empty when refused
 * @param note what else to know, or {@code null}: that the statement runs unchanged, which references are left
 *     as written, or why it runs as written ({@code onUnparseableSelect=warn}, {@code mode=observe})
 * @param refusal why the statement is refused ({@code table '...': reason}), or {@code null}
 */
public record Explanation(List<String> statements, String note, String refusal) {
  public Explanation {
    statements = List.copyOf(statements);
  }
}
