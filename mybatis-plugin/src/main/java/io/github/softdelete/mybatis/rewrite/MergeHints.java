package io.github.softdelete.mybatis.rewrite;

import java.util.regex.Pattern;

/**
 * What to write instead, for the MERGE forms the SQL parser cannot read: the refusal of an unreadable MERGE
 * names the standard form softdelete converts.
 */
final class MergeHints {
  /** The upsert as a MERGE that softdelete converts on H2 and PostgreSQL. */
  static final String STANDARD = "MERGE INTO t USING (SELECT ? AS id, ? AS name) s ON t.id = s.id"
      + " WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)";
  private static final Pattern MERGE = Pattern.compile("(?is)^\\s*(WITH\\b.*?)?\\bMERGE\\s+INTO\\b.*");
  // H2's own upsert: MERGE INTO t [(columns)] KEY (k) VALUES ...
  private static final Pattern H2_KEY = Pattern.compile("(?is).*\\bMERGE\\s+INTO\\s+[^\\s(]+\\s*(\\([^)]*\\)\\s*)?"
      + "KEY\\s*\\(.*");
  private static final Pattern DO_NOTHING = Pattern.compile("(?is).*\\bTHEN\\s+DO\\s+NOTHING\\b.*");
  private static final Pattern BY_SOURCE = Pattern.compile("(?is).*\\bNOT\\s+MATCHED\\s+BY\\s+(SOURCE|TARGET)\\b.*");
  private static final Pattern SUBQUERY_TARGET = Pattern.compile("(?is).*\\bMERGE\\s+INTO\\s*\\(.*");

  private MergeHints() {}

  /** A sentence to append to the refusal of SQL the parser cannot read ({@code "; ..."}), or {@code ""}. */
  static String forUnreadable(String sql) {
    if (!MERGE.matcher(sql).matches()) {
      return "";
    }
    if (H2_KEY.matcher(sql).matches()) {
      return "; the parser does not read H2's MERGE INTO ... KEY (...) VALUES: write the standard " + STANDARD
          + ", which softdelete converts";
    }
    if (DO_NOTHING.matcher(sql).matches()) {
      return "; the parser does not read WHEN ... THEN DO NOTHING: leave the clause out, and add its negated"
          + " condition to the clauses after it (AND NOT ...)";
    }
    if (BY_SOURCE.matcher(sql).matches()) {
      return "; the parser does not read WHEN NOT MATCHED BY SOURCE / BY TARGET: write WHEN NOT MATCHED for the"
          + " rows the target lacks, and delete the target's other rows with a DELETE statement";
    }
    if (SUBQUERY_TARGET.matcher(sql).matches()) {
      return "; the parser does not read a subquery as the MERGE's target: merge into the table itself";
    }
    return "; the parser reads MERGE INTO table [alias] USING source ON ... WHEN [NOT] MATCHED [AND ...] THEN"
        + " UPDATE SET ... / DELETE / INSERT (columns) VALUES (...), which softdelete converts";
  }
}
