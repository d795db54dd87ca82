package io.github.softdelete.mybatis.check;

import io.github.softdelete.mybatis.SoftDeleteCheck.Verdict;
import io.github.softdelete.mybatis.SoftDeleteMode;
import org.apache.ibatis.mapping.MappedStatement;

/** The interceptor's answer for one statement's SQL in one mode. */
public interface Verdicts {
  Decision decide(MappedStatement ms, String sql, SoftDeleteMode mode);

  /**
   * A verdict, and whether a refusal is because the parser could not read the SQL at all (which, for SQL the
   * check rendered with stand-in text for {@code ${...}}, says nothing of the SQL that runs).
   */
  record Decision(Verdict verdict, boolean unreadable) {}
}
