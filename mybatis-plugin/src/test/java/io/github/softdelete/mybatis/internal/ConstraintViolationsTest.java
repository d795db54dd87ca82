package io.github.softdelete.mybatis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;

/** How a restore's integrity violation is put into words, from the messages the common drivers write. */
class ConstraintViolationsTest {

  @Test
  void shouldNameThePostgresConstraint() {
    SQLException e = new SQLException("ERROR: duplicate key value violates unique constraint \"users_email_key\"\n"
        + "  Detail: Key (email)=(a@x) already exists.", "23505");

    assertThat(ConstraintViolations.restoreRefusal(e)).isEqualTo("the restore would give a row a unique key that"
        + " a live row already holds (constraint 'users_email_key'); change or delete the live row, then"
        + " restore. The database said: ERROR: duplicate key value violates unique constraint \"users_email_key\"");
  }

  @Test
  void shouldNameTheMysqlKeyFromErrorCode1062() {
    SQLException e = new SQLException("Duplicate entry 'a@x' for key 'users.uq_email'", "23000", 1062);

    assertThat(ConstraintViolations.isUniqueKey(e)).isTrue();
    assertThat(ConstraintViolations.constraintName(e)).isEqualTo("users.uq_email");
  }

  @Test
  void shouldDescribeOtherConstraintsWithTheirSqlState() {
    SQLException e = new SQLException("ERROR: new row for relation \"users\" violates check constraint"
        + " \"users_age_check\"", "23514");

    assertThat(ConstraintViolations.restoreRefusal(e)).isEqualTo("the restore violates constraint"
        + " 'users_age_check' (SQLState 23514). The database said: ERROR: new row for relation \"users\" violates"
        + " check constraint \"users_age_check\"");
  }

  @Test
  void shouldSayWhenTheDatabaseNamesNoConstraint() {
    SQLException e = new SQLException("integrity violated", "23000");

    assertThat(ConstraintViolations.restoreRefusal(e)).isEqualTo("the restore violates a constraint the database"
        + " did not name (SQLState 23000). The database said: integrity violated");
  }

  // SQLException is Iterable: the casts pick the Throwable assertions
  @Test
  void shouldFindTheViolationAmongCausesAndOnlyThere() {
    SQLException violation = new SQLException("dup", "23505");

    assertThat((Throwable) ConstraintViolations.find(new PersistenceException("wrapped", violation))).isSameAs(violation);
    assertThat((Throwable) ConstraintViolations.find(new SQLException("syntax", "42000"))).isNull();
    assertThat((Throwable) ConstraintViolations.find(new IllegalStateException("no SQL at all"))).isNull();
  }
}
