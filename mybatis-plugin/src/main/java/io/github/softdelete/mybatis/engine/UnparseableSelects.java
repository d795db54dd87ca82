package io.github.softdelete.mybatis.engine;

import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which refusals the option {@code onUnparseableSelect=warn} may let through: a plain SELECT that the parser
 * could not read. Never anything that could write or erase: fail closed on DELETE and TRUNCATE.
 */
final class UnparseableSelects {
  private static final Pattern LEADING_SELECT = Pattern.compile("^[\\s(]*select\\b", Pattern.CASE_INSENSITIVE);
  // a data-modifying CTE or a function call could hide a write inside a SELECT the parser cannot read
  private static final Pattern WRITES = Pattern.compile("\\b(delete|truncate|insert|update|merge|replace|drop)\\b");

  private UnparseableSelects() {}

  static boolean mayPass(String sql, RewriteRefusedException refusal) {
    return refusal.unreadable()
        && LEADING_SELECT.matcher(sql).find()
        && !WRITES.matcher(sql.toLowerCase(Locale.ROOT)).find();
  }
}
