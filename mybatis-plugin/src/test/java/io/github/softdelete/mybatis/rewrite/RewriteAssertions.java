package io.github.softdelete.mybatis.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.util.List;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;

/** SQL in, SQL out: compares statements after the parser has normalised case and whitespace. */
final class RewriteAssertions {
  static final SqlRewriter ENGINE = new SqlRewriter(SoftTables.of(List.of("users", "orders", "order_items")),
      SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP"));
  // explicitMarker=filter: the statement's own mentions of the marker change nothing
  static final SqlRewriter FILTERING = new SqlRewriter(SoftTables.of(List.of("users", "orders", "order_items")),
      SoftDeleteMarker.of("deleted_at", "NULL", "CURRENT_TIMESTAMP"), List.of(), SqlRewriter.DEFAULT_PARSE_TIMEOUT,
      false);

  private RewriteAssertions() {}

  static void assertRewrite(String sql, String expected) {
    assertRewrite(ENGINE, SoftDeleteMode.DEFAULT, sql, expected);
  }

  static void assertRewrite(SoftDeleteMode mode, String sql, String expected) {
    assertRewrite(ENGINE, mode, sql, expected);
  }

  static void assertRewrite(SqlRewriter engine, SoftDeleteMode mode, String sql, String expected) {
    RewriteResult result = engine.rewrite(sql, mode);
    assertThat(result.changed()).as("changed").isTrue();
    assertThat(normalised(result.sql())).isEqualTo(normalised(expected));
  }

  static void assertUnchanged(SoftDeleteMode mode, String sql) {
    RewriteResult result = ENGINE.rewrite(sql, mode);
    assertThat(result.changed()).as("changed").isFalse();
    assertThat(result.sql()).isSameAs(sql);
  }

  static void assertUnchanged(String sql) {
    assertUnchanged(SoftDeleteMode.DEFAULT, sql);
  }

  static RewriteRefusedException refusal(SoftDeleteMode mode, String sql) {
    return catchThrowableOfType(RewriteRefusedException.class, () -> ENGINE.rewrite(sql, mode));
  }

  static RewriteRefusedException refusal(Dialect dialect, String sql) {
    return catchThrowableOfType(RewriteRefusedException.class,
        () -> ENGINE.withDialect(dialect).rewrite(sql, SoftDeleteMode.DEFAULT));
  }

  static String normalised(String sql) {
    try {
      return CCJSqlParserUtil.newParser(sql).Statements().toString().replaceAll("\\s+", " ").trim();
    } catch (ParseException e) {
      throw new AssertionError("not SQL: " + sql, e);
    }
  }
}
