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
  void shouldRefuseMergeIntoSoftTableWhereTheDatabaseIsNotKnown() {
    RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT,
        "merge into users u using products p on (u.id = p.id) when matched then update set u.name = p.title");
    assertThat(refused.table()).isEqualTo("users");
    assertThat(refused.reason()).isEqualTo("a MERGE may update, delete or insert beside a soft-deleted row it"
        + " meets; softdelete converts MERGE exactly only on H2 and PostgreSQL (the database is not known here);"
        + " run it inside IncludeDeleted.run(...) if deleted rows may take part as written");
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

  /** Forms the SQL parser reads but the database does not run: converted, they would change rows. */
  @Nested
  class FormsOnlyTheParserReads {
    @Test
    void shouldRefuseSingleTableDeleteWithAJoinWhichNoDatabaseRuns() {
      RewriteRefusedException refused = refusal(SoftDeleteMode.DEFAULT,
          "delete from users A join orders B on A.id = B.user_id and B.x = ?");
      assertThat(refused.table()).isEqualTo("users");
      assertThat(refused.reason()).isEqualTo("a DELETE with a JOIN or a list of tables must name the tables it deletes"
          + " from (DELETE a FROM a JOIN b ON ...): as written no database runs it, and softdelete will not choose"
          + " whose rows to mark");
    }

    @Test
    void shouldRefuseSingleTableDeleteWithAJoinOnEveryDatabase() {
      for (Dialect dialect : Dialect.values()) {
        assertThat(refusal(dialect, "DELETE FROM users u LEFT JOIN orders o ON o.user_id = u.id WHERE o.id IS NULL"))
            .as("%s", dialect).isNotNull();
      }
    }

    @Test
    void shouldRefuseDeleteFromAListOfTablesWithoutTargets() {
      assertThat(refusal(SoftDeleteMode.DEFAULT, "DELETE FROM users a, orders b WHERE a.id = b.user_id").reason())
          .startsWith("a DELETE with a JOIN or a list of tables must name the tables it deletes from");
    }

    @Test
    void shouldRefuseMultiTableDeleteWithLimit() {
      assertThat(refusal(Dialect.MYSQL,
          "DELETE u FROM users u JOIN orders o ON u.id = o.user_id ORDER BY u.id LIMIT 1").reason())
          .isEqualTo("a DELETE that names the tables it deletes from (DELETE a FROM ...) cannot have ORDER BY or LIMIT"
              + " on MySQL (nor on MariaDB before 11.8), and which rows it would erase is not certain; select the"
              + " rows in a subquery instead");
    }

    @Test
    void shouldRefuseUpdateWithTablesBeforeAndAfterSet() {
      assertThat(refusal(SoftDeleteMode.DEFAULT,
          "UPDATE users u JOIN orders o ON u.id = o.user_id SET u.name = 'x' FROM products p").reason())
          .isEqualTo("an UPDATE with tables both before SET (MySQL's UPDATE a JOIN b ...) and after it (PostgreSQL's"
              + " FROM) is no database's form");
    }

    @Test
    void shouldRefuseMysqlMultiTableDeleteOnH2AndPostgres() {
      assertThat(refusal(Dialect.H2, "DELETE u FROM users u WHERE u.id = 1").reason())
          .isEqualTo("H2 has no DELETE a FROM ... form (it is MySQL's); write DELETE FROM a WHERE ... with a subquery");
      assertThat(refusal(Dialect.POSTGRESQL, "DELETE u FROM users u JOIN orders o ON u.id = o.user_id").reason())
          .isEqualTo("PostgreSQL has no DELETE a FROM ... form (it is MySQL's); write DELETE FROM a WHERE ... with a"
              + " subquery, or DELETE FROM a USING b WHERE ...");
    }

    @Test
    void shouldRefuseDeleteUsingOnMysqlAndH2() {
      String sql = "DELETE FROM users USING users, orders WHERE users.id = orders.user_id";
      assertThat(refusal(Dialect.MYSQL, sql).reason()).isEqualTo("MySQL's DELETE FROM a USING ... lists a among the"
          + " tables after USING, PostgreSQL's does not, and softdelete converts PostgreSQL's form only; write"
          + " DELETE a FROM a JOIN b ON ...");
      assertThat(refusal(Dialect.H2, sql).reason())
          .isEqualTo("H2 has no DELETE ... USING; write DELETE FROM a WHERE ... with a subquery");
    }

    @Test
    void shouldRefuseDeleteWithoutFromOnPostgresAndMysqlButConvertItWhereItRuns() {
      assertThat(refusal(Dialect.POSTGRESQL, "DELETE users WHERE id = 1").reason())
          .isEqualTo("PostgreSQL needs FROM after DELETE; write DELETE FROM users ...");
      assertThat(refusal(Dialect.MYSQL, "DELETE users WHERE id = 1").reason())
          .isEqualTo("MySQL and MariaDB need FROM after DELETE; write DELETE FROM users ...");
      // H2 (and Oracle, SQL Server) run it
      assertThat(ENGINE.withDialect(Dialect.H2).rewrite("DELETE users WHERE id = 1", SoftDeleteMode.DEFAULT).sql())
          .isEqualTo("UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = 1) AND deleted_at IS NULL");
    }

    @Test
    void shouldRefuseOrderByAndLimitOfDeleteWhereTheDatabaseHasNone() {
      assertThat(refusal(Dialect.H2, "DELETE FROM users WHERE id > 1 ORDER BY id LIMIT 1").reason())
          .isEqualTo("H2 has no ORDER BY in a DELETE; select the rows in a subquery instead");
      assertThat(refusal(Dialect.POSTGRESQL, "DELETE FROM users LIMIT 1").reason())
          .isEqualTo("PostgreSQL has no LIMIT in a DELETE; select the rows in a subquery instead");
    }

    @Test
    void shouldRefuseMysqlDeleteModifiersOnPostgres() {
      // QUICK has no UPDATE counterpart: converted, the statement PostgreSQL rejects would run
      assertThat(refusal(Dialect.POSTGRESQL, "DELETE QUICK FROM users WHERE id = 1").reason())
          .isEqualTo("PostgreSQL has no DELETE LOW_PRIORITY, QUICK or IGNORE (they are MySQL's)");
    }

    @Test
    void shouldConvertTheFormsEveryDatabaseHasAsBefore() {
      for (Dialect dialect : Dialect.values()) {
        assertThat(ENGINE.withDialect(dialect).rewrite("DELETE FROM users WHERE id = ?", SoftDeleteMode.DEFAULT).sql())
            .isEqualTo("UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE (id = ?) AND deleted_at IS NULL");
      }
    }
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
