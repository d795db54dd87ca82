package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.softdelete.mybatis.SoftDeleteMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every comment and hint the application wrote reaches the database in the rewritten statement, at its place.
 * Compared as exact text: the usual comparison reparses the SQL, which drops comments. Soft tables: users,
 * orders, order_items.
 */
class CommentsRewriteTest {
  private static String rewritten(String sql) {
    return rewritten(Dialect.UNKNOWN, sql);
  }

  private static String rewritten(Dialect dialect, String sql) {
    String result = ENGINE.withDialect(dialect).rewrite(sql, SoftDeleteMode.DEFAULT).sql();
    // whatever the statement: a line comment never swallows the text after it
    for (SqlTokens.Commented comment : new SqlTokens(result).comments()) {
      if (comment.toEndOfLine()) {
        assertThat(result.substring(comment.end())).as("after %s in %s", comment.text(), result).startsWith("\n");
      }
    }
    return result;
  }

  @Nested
  class Selects {
    @Test
    void shouldKeepLeadingRoutingHintBeforeTheFirstKeyword() {
      assertThat(rewritten("/*slave*/ SELECT id FROM users WHERE id = ?"))
          .isEqualTo("/*slave*/ SELECT id FROM users WHERE (id = ?) AND users.deleted_at IS NULL");
    }

    @Test
    void shouldKeepLeadingLineCommentOnItsOwnLine() {
      assertThat(rewritten("-- report: active users\nSELECT id FROM users"))
          .isEqualTo("-- report: active users\nSELECT id FROM users WHERE users.deleted_at IS NULL");
    }

    @Test
    void shouldKeepTracingTagInsideTheStatement() {
      assertThat(rewritten("SELECT /* trace:abc */ id FROM users WHERE id = ?"))
          .isEqualTo("SELECT /* trace:abc */ id FROM users WHERE (id = ?) AND users.deleted_at IS NULL");
    }

    @Test
    void shouldPutTrailingLineCommentAfterTheAddedPredicateWithALineBreak() {
      assertThat(rewritten("SELECT id FROM users WHERE id = ? -- by id"))
          .isEqualTo("SELECT id FROM users WHERE (id = ?) AND users.deleted_at IS NULL -- by id\n");
    }

    @Test
    void shouldKeepLineCommentsInsideTheStatementBeforeTheNextClause() {
      assertThat(rewritten("SELECT id FROM users WHERE id = 1 -- one\n ORDER BY id -- two"))
          .isEqualTo("SELECT id FROM users WHERE (id = 1) AND users.deleted_at IS NULL -- one\nORDER BY id -- two\n");
    }

    @Test
    void shouldKeepOptimizerHintRightAfterSelectOnce() {
      assertThat(rewritten("SELECT /*+ INDEX(users users_name) */ id FROM users"))
          .isEqualTo("SELECT /*+ INDEX(users users_name) */ id FROM users WHERE users.deleted_at IS NULL");
    }

    @Test
    void shouldKeepOracleLineHintRightAfterSelect() {
      assertThat(rewritten("SELECT --+ INDEX(u)\n id FROM users u"))
          .isEqualTo("SELECT --+ INDEX(u)\nid FROM users u WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldPutCommentBeforeAJoinConditionsAddedPredicateNextToTheFollowingClause() {
      assertThat(rewritten(
          "SELECT * FROM users u /* c */ LEFT JOIN orders o ON o.user_id = u.id /* d */ WHERE u.name = ?"))
          .isEqualTo("SELECT * FROM users u /* c */ LEFT JOIN orders o ON (o.user_id = u.id) AND o.deleted_at IS NULL"
              + " /* d */ WHERE (u.name = ?) AND u.deleted_at IS NULL");
    }

    @Test
    void shouldKeepCommentOfASubqueryInsideTheSubquery() {
      assertThat(rewritten("SELECT id FROM users WHERE id IN (SELECT user_id FROM orders /* inner */)"))
          .isEqualTo("SELECT id FROM users WHERE (id IN (SELECT user_id FROM orders WHERE orders.deleted_at IS NULL"
              + " /* inner */ )) AND users.deleted_at IS NULL");
    }

    @Test
    void shouldKeepCommentOfATableTheRewriteWrapsInADerivedTable() {
      assertThat(rewritten("SELECT * FROM users u -- left\n RIGHT JOIN orders o ON o.user_id = u.id"))
          .isEqualTo("SELECT * FROM (SELECT * FROM users WHERE deleted_at IS NULL) u -- left\nRIGHT JOIN orders o"
              + " ON o.user_id = u.id WHERE o.deleted_at IS NULL");
    }

    @Test
    void shouldMoveCommentOutOfAPlaceWhereWhitespaceWouldChangeATokenToTheNearestSafeOne() {
      assertThat(rewritten("SELECT u/* c */.id FROM users u"))
          .isEqualTo("SELECT /* c */ u.id FROM users u WHERE u.deleted_at IS NULL");
    }

    @Test
    void shouldPlaceCommentAfterAnOpeningParenthesisWithoutSeparatingAFunctionFromIt() {
      assertThat(rewritten("SELECT count(/* n */*) FROM users"))
          .isEqualTo("SELECT count( /* n */ *) FROM users WHERE users.deleted_at IS NULL");
    }

    @Test
    void shouldLeaveCommentMarksInsideStringsAlone() {
      assertThat(rewritten("SELECT '/* not */' AS a, '-- nor' AS b FROM users /* yes */"))
          .isEqualTo("SELECT '/* not */' AS a, '-- nor' AS b FROM users WHERE users.deleted_at IS NULL /* yes */");
    }

    @Test
    void shouldKeepCommentsBetweenStatementsOfAScript() {
      assertThat(rewritten("SELECT 1 FROM users; /* between */ SELECT 2 FROM orders -- end"))
          .isEqualTo("SELECT 1 FROM users WHERE users.deleted_at IS NULL; /* between */\n"
              + "SELECT 2 FROM orders WHERE orders.deleted_at IS NULL; -- end\n");
    }

    @Test
    void shouldKeepAParameterInsideACommentOutOfTheBindings() {
      RewriteResult result = ENGINE.rewrite("SELECT id FROM users WHERE id = ? /* not ? a parameter */",
          SoftDeleteMode.DEFAULT);
      assertThat(result.sql())
          .isEqualTo("SELECT id FROM users WHERE (id = ?) AND users.deleted_at IS NULL /* not ? a parameter */");
    }

    @Test
    void shouldBindEveryParameterAfterADoubleSlashCommentWithAQuoteInIt() {
      RewriteResult result = ENGINE.rewrite("SELECT id FROM users WHERE id = ? // don't\n AND name = ?",
          SoftDeleteMode.DEFAULT);
      assertThat(result.sql()).isEqualTo("SELECT id FROM users WHERE (id = ? // don't\nAND name = ?) AND"
          + " users.deleted_at IS NULL");
      assertThat(Placeholders.originalCount(result.sql())).isEqualTo(2);
    }

    @Test
    void shouldReturnTheVeryStringWhenTheStatementNeedsNoChange() {
      String sql = "/*slave*/ SELECT id FROM users WHERE deleted_at IS NOT NULL -- trash";
      assertThat(ENGINE.rewrite(sql, SoftDeleteMode.DEFAULT).sql()).isSameAs(sql);
    }
  }

  @Nested
  class Writes {
    @Test
    void shouldKeepHintAndCommentsOfAnUpdate() {
      assertThat(rewritten("UPDATE /*+ NO_MERGE */ users SET name = ? /* set */ WHERE id = ? -- one row"))
          .isEqualTo("UPDATE /*+ NO_MERGE */ users SET name = ? /* set */ WHERE (id = ?) AND deleted_at IS NULL"
              + " -- one row\n");
    }

    @Test
    void shouldKeepLeadingCommentOfADeleteBeforeTheUpdateItBecomes() {
      assertThat(rewritten("/*master*/ DELETE FROM users WHERE id = ?"))
          .isEqualTo("/*master*/ UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NULL");
    }

    @Test
    void shouldPutAHintOfADeleteRightAfterTheUpdateKeyword() {
      assertThat(rewritten("DELETE /*+ INDEX(users) */ FROM users /* c */ WHERE id = ? -- gone"))
          .isEqualTo("UPDATE /*+ INDEX(users) */ users SET deleted_at = CURRENT_TIMESTAMP /* c */ WHERE (id = ?)"
              + " AND deleted_at IS NULL -- gone\n");
    }

    @Test
    void shouldKeepCommentsOfAMultiTableDelete() {
      assertThat(rewritten("delete /* target */ o from orders o join users u on u.id = o.user_id where u.name = ?"))
          .isEqualTo("UPDATE /* target */ orders o JOIN users u ON (u.id = o.user_id) AND u.deleted_at IS NULL"
              + " SET o.deleted_at = CURRENT_TIMESTAMP WHERE (u.name = ?) AND o.deleted_at IS NULL");
    }

    @Test
    void shouldKeepCommentsOfADeleteUsing() {
      assertThat(rewritten("DELETE FROM orders o USING users u /* owner */ WHERE o.user_id = u.id"))
          .isEqualTo("UPDATE orders o SET deleted_at = CURRENT_TIMESTAMP FROM users u /* owner */ WHERE"
              + " (o.user_id = u.id) AND u.deleted_at IS NULL AND o.deleted_at IS NULL");
    }

    @Test
    void shouldKeepHintAndCommentsOfInsertSelect() {
      assertThat(rewritten("INSERT /*+ APPEND */ INTO archive /* copy */ SELECT * FROM users -- nightly"))
          .isEqualTo("INSERT /*+ APPEND */ INTO archive /* copy */ SELECT * FROM users WHERE users.deleted_at IS NULL"
              + " -- nightly\n");
    }

    @Test
    void shouldKeepCommentsOfAnOnDuplicateKeyUpsert() {
      assertThat(rewritten(Dialect.MYSQL,
          "/* upsert */ INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name) -- t"))
          .isEqualTo("/* upsert */ INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE"
              + " name = IF(users.deleted_at IS NULL, VALUES(name), VALUES(name)),"
              + " id = IF(users.deleted_at IS NULL, users.id, VALUES(id)),"
              + " deleted_at = IF(users.deleted_at IS NULL, users.deleted_at, NULL) -- t\n");
    }

    @Test
    void shouldKeepCommentsOfAnOnConflictUpsert() {
      assertThat(rewritten(Dialect.POSTGRESQL,
          "INSERT INTO users (id, name) /* row */ VALUES (?, ?) ON CONFLICT (id) DO NOTHING -- idempotent"))
          .isEqualTo("INSERT INTO users (id, name) /* row */ VALUES (?, ?) ON CONFLICT (  id )  DO UPDATE"
              + " SET id = EXCLUDED.id, name = EXCLUDED.name, deleted_at = NULL WHERE users.deleted_at IS NOT NULL"
              + " -- idempotent\n");
    }
  }

  @Nested
  class ExecutableComments {
    @Test
    void shouldKeepSelectOptionInExecutableCommentOnMysql() {
      assertThat(rewritten(Dialect.MYSQL, "SELECT /*!40001 SQL_NO_CACHE */ id FROM users"))
          .isEqualTo("SELECT /*!40001 SQL_NO_CACHE */ id FROM users WHERE users.deleted_at IS NULL");
    }

    @Test
    void shouldTreatExecutableCommentAsAPlainCommentOnPostgres() {
      assertThat(rewritten(Dialect.POSTGRESQL, "SELECT id FROM users /*! WHERE id = 1 */"))
          .isEqualTo("SELECT id FROM users WHERE users.deleted_at IS NULL /*! WHERE id = 1 */");
    }

    @Test
    void shouldRefuseExecutableCommentWhoseExactPlaceTheRewriteCannotKeep() {
      // the subquery on the deleted table moves into a derived table: SELECT's neighbour is no longer id
      RewriteRefusedException refused = catchThrowableOfType(RewriteRefusedException.class,
          () -> ENGINE.withDialect(Dialect.MYSQL).rewrite(
              "DELETE FROM users WHERE id IN (SELECT /*! SQL_NO_CACHE */ id FROM users WHERE name = ?)",
              SoftDeleteMode.DEFAULT));
      assertThat(refused.reason()).isEqualTo("softdelete cannot put the executable comment /*! SQL_NO_CACHE */ back"
          + " in its exact place in the rewritten statement, and MySQL and MariaDB run what it holds; write it as"
          + " plain SQL, or leave it out");
    }
  }
}
