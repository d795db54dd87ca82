package io.github.softdelete.mybatis.rewrite;

import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.ENGINE;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.assertUnchanged;
import static io.github.softdelete.mybatis.rewrite.RewriteAssertions.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Statements the engine will not run, and the exact reason it gives. */
class RefusalTest {

  @Test
  void shouldRefuseTruncateOfSoftTable() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT, "truncate table users");
    assertThat(refused.table()).isEqualTo("users");
    assertThat(refused.reason()).isEqualTo("TRUNCATE would erase every row, soft-deleted or not;"
        + " run it inside HardDelete.run(...) if that is intended");
  }

  @Test
  void shouldRefuseTruncateEvenWhenIncludingDeleted() {
    assertThat(refusal(SoftDeleteMode.INCLUDE_DELETED, "truncate table orders").table()).isEqualTo("orders");
  }

  @Test
  void shouldRefuseDropTableOfSoftTable() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT, "drop table users");
    assertThat(refused.reason()).startsWith("DROP TABLE would erase every row");
  }

  @Test
  void shouldRefuseMergeIntoSoftTable() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT,
        "merge into users u using products p on (u.id = p.id) when matched then update set u.name = p.title");
    assertThat(refused.table()).isEqualTo("users");
    assertThat(refused.reason()).isEqualTo("softdelete cannot tell how to keep deleted rows out of where this"
        + " statement uses the table (MERGE); rewrite the statement, or run it inside IncludeDeleted.run(...)"
        + " if deleted rows may take part");
  }

  @Test
  void shouldRefuseUpsertOnSoftTable() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT,
        "insert into users (id, name) values (?, ?) on duplicate key update name = values(name)");
    assertThat(refused.reason()).startsWith("an upsert (ON DUPLICATE KEY UPDATE / ON CONFLICT DO UPDATE)");
  }

  @Test
  void shouldRefuseOnConflictDoUpdateOnSoftTable() {
    assertThat(refusal(SoftDeleteMode.DEFAULT,
        "insert into users (id, name) values (?, ?) on conflict (id) do update set name = excluded.name").table())
        .isEqualTo("users");
  }

  @Test
  void shouldRefuseReplaceIntoSoftTable() {
    assertThat(refusal(SoftDeleteMode.DEFAULT, "replace into users (id, name) values (1, 'a')").reason())
        .contains("replaces or updates the row whose key it meets");
  }

  @Test
  void shouldRefuseDeleteOfSoftAndNonSoftTablesTogether() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT,
        "delete o, p from orders o join products p on p.sku = o.sku");
    assertThat(refused.reason()).isEqualTo("a DELETE of soft-deletable and ordinary tables together cannot"
        + " become one UPDATE; delete from them in separate statements");
  }

  @Test
  void shouldRefuseDataModifyingCteOnSoftTable() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT,
        "with gone as (delete from users where id = 1 returning id) select * from gone");
    assertThat(refused.table()).isEqualTo("users");
  }

  @Test
  void shouldRefuseSqlTheParserCannotReadWhenItMentionsSoftTable() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT, "select * from users where id = = 1");
    assertThat(refused.unreadable()).isTrue();
    assertThat(refused.table()).isEqualTo("users");
    assertThat(refused.reason()).startsWith("the SQL parser cannot read the statement (");
  }

  @Test
  void shouldLeaveUnreadableSqlThatMentionsNoSoftTable() {
    assertUnchanged("this is not sql on products");
  }

  @Test
  void shouldAllowSchemaChangesOnSoftTable() {
    assertUnchanged("create index users_name on users (name)");
  }

  /** Text the database splits into strings, comments and code otherwise than the SQL parser. */
  @Nested
  class TextTheDatabaseReadsOtherwise {
    @Test
    void shouldRefuseExecutableCommentThatJoinsATableTheParserTakesForAnAlias() {
      // MySQL runs users STRAIGHT_JOIN orders; the parser reads FROM users orders
      RewriteRefusedException refused = refusal(Dialect.MYSQL, "SELECT * FROM users /*! STRAIGHT_JOIN */ orders");
      assertThat(refused.table()).isEqualTo("users");
      assertThat(refused.reason()).isEqualTo("MySQL and MariaDB run the SQL inside an executable comment"
          + " (/*! STRAIGHT_JOIN */), which the SQL parser skips as a comment, so softdelete cannot see what it"
          + " reads; write it as plain SQL (only SELECT options such as /*! SQL_NO_CACHE */ right after SELECT are"
          + " kept)");
    }

    @Test
    void shouldRefuseExecutableCommentEvenWhenTheStatementWouldRunAsWritten() {
      // the parser sees no soft table, MariaDB joins users unfiltered
      assertThat(refusal(Dialect.MYSQL, "SELECT * FROM products p /*M! JOIN users u ON u.id = p.owner_id */"))
          .isNotNull();
      assertThat(refusal(Dialect.UNKNOWN, "SELECT * FROM products p /*!50000 , users */")).isNotNull();
    }

    @Test
    void shouldRefuseDoubleDashWithoutASpaceOnMysqlOnly() {
      String sql = "SELECT id FROM users WHERE id = 1--1";
      assertThat(refusal(Dialect.MYSQL, sql).reason()).isEqualTo("MySQL and MariaDB read '--' not followed by a space"
          + " as two minus signs, not as a comment (--1), and the SQL parser reads a comment; put a space after '--'");
      assertThat(ENGINE.withDialect(Dialect.POSTGRESQL).rewrite(sql, SoftDeleteMode.DEFAULT).sql())
          .isEqualTo("SELECT id FROM users WHERE (id = 1) AND users.deleted_at IS NULL --1\n");
    }

    @Test
    void shouldRefuseBackslashEscapedQuoteOnMysql() {
      assertThat(refusal(Dialect.MYSQL, "SELECT 'a\\' AS x, 'b\\' FROM users").reason())
          .isEqualTo("the database reads a backslash in a string as an escape (MySQL and MariaDB; PostgreSQL in"
              + " E'...') and the SQL parser does not, so the string 'a\\' ends elsewhere for each of them; double a"
              + " quote inside a string ('') instead of escaping it");
      // a backslash that escapes no quote ends the string where the parser does
      assertThat(ENGINE.withDialect(Dialect.MYSQL).rewrite("SELECT id FROM users WHERE name LIKE 'a\\\\%'",
          SoftDeleteMode.DEFAULT).changed()).isTrue();
    }

    @Test
    void shouldRefuseEscapeStringWhoseQuoteIsEscapedOnPostgres() {
      assertThat(refusal(Dialect.POSTGRESQL, "SELECT E'a\\' AS x, E'b\\' FROM users").reason())
          .contains("the string E'a\\' ends elsewhere");
    }

    @Test
    void shouldRefuseOracleQuotingOnMysql() {
      assertThat(refusal(Dialect.MYSQL, "SELECT q'[it's]' FROM users").reason())
          .isEqualTo("MySQL and MariaDB do not know Oracle's quoting q'[it's]': the string ends elsewhere for them"
              + " than for the SQL parser; write it in plain quotes, doubling a quote inside ('')");
    }

    @Test
    void shouldRefuseTaggedDollarQuoteOnPostgres() {
      assertThat(refusal(Dialect.POSTGRESQL, "SELECT $x$ -- $x$, * FROM users").reason())
          .isEqualTo("PostgreSQL reads $x$ as the start of a dollar-quoted string, the SQL parser as a name, so the"
              + " two read different statements; quote the string with $$ or '...'");
    }

    @Test
    void shouldRefuseNestedBlockCommentOnPostgresAndH2() {
      String sql = "SELECT id FROM users /* a /* b */ WHERE id = 1";
      assertThat(refusal(Dialect.H2, sql).reason()).isEqualTo("PostgreSQL and H2 nest block comments, the SQL parser"
          + " does not, so the comment /* a /* b */ ends elsewhere for the database; take out the inner '/*'");
      assertThat(refusal(Dialect.POSTGRESQL, sql)).isNotNull();
      // MySQL does not nest them
      assertThat(ENGINE.withDialect(Dialect.MYSQL).rewrite(sql, SoftDeleteMode.DEFAULT).sql())
          .isEqualTo("SELECT id FROM users /* a /* b */ WHERE (id = 1) AND users.deleted_at IS NULL");
    }
  }
}
