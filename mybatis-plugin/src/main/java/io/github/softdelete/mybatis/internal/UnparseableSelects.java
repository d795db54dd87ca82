package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import java.util.Locale;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;

/**
 * Which refusals the option {@code onUnparseableSelect=warn} may let through: a plain SELECT that the parser
 * could not read. Never anything that could delete: fail closed on DELETE and TRUNCATE.
 */
final class UnparseableSelects {
  private static final Pattern LEADING_SELECT = Pattern.compile("^[\\s(]*select\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern WRITES = Pattern.compile("\\b(delete|truncate|insert|merge|replace)\\b");

  private UnparseableSelects() {}

  static boolean mayPass(String sql, RewriteRefusedException refusal) {
    return causedByParser(refusal)
        && LEADING_SELECT.matcher(sql).find()
        && !WRITES.matcher(sql.toLowerCase(Locale.ROOT)).find();
  }

  private static boolean causedByParser(Throwable refusal) {
    for (Throwable t = refusal.getCause(); t != null; t = t.getCause()) {
      if (t instanceof JSQLParserException || t instanceof net.sf.jsqlparser.parser.ParseException) {
        return true;
      }
    }
    return false;
  }
}
