package io.github.softdelete.compat.shardingsphere;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query as the application writes it, with each soft table reference marked: {@code {t}} for one that is
 * filtered to live rows, {@code [t]} for one that {@code OnlyDeleted} turns to deleted rows. The oracle replaces
 * each mark by the derived table the contract names; the application's SQL is the text without the marks.
 *
 * @param sameAsOneDatabase whether ShardingSphere gives this query the rows one database gives (true for every
 *     query whose joins and subqueries stay within one shard pair); false where it evaluates the query per shard
 *     and the rows differ from one database even unfiltered: then only the ShardingSphere oracle applies
 */
record QueryShape(String name, String marked, boolean sameAsOneDatabase) {
  private static final Pattern MARK = Pattern.compile("\\{(\\w+)}|\\[(\\w+)]");

  static QueryShape of(String name, String marked) {
    return new QueryShape(name, marked, true);
  }

  static QueryShape perShard(String name, String marked) {
    return new QueryShape(name, marked, false);
  }

  /** The application's SQL. */
  String sql() {
    return MARK.matcher(marked).replaceAll(match -> match.group(match.group(1) != null ? 1 : 2));
  }

  /** Each marked reference replaced by its live (or, for {@code [t]}, deleted) rows. */
  String oracle() {
    Matcher matcher = MARK.matcher(marked);
    return matcher.replaceAll(match -> match.group(1) != null
        ? "(SELECT * FROM " + match.group(1) + " WHERE deleted_at IS NULL)"
        : "(SELECT * FROM " + match.group(2) + " WHERE deleted_at IS NOT NULL)");
  }

  @Override
  public String toString() {
    return name;
  }
}
