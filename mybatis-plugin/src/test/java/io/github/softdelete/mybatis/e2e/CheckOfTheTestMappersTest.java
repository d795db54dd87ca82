package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.SoftDeleteCheck;
import io.github.softdelete.mybatis.SoftDeleteCheck.Statement;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SoftDeleteCheck} on a real mapper set, as an application's own test would run it: the end-to-end
 * suites' annotated and XML mappers, with their interceptor, on their H2 database.
 */
class CheckOfTheTestMappersTest {
  private final TestDatabase db = TestDatabase.create();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void shouldReportEveryStatementOfTheMappersAsTheInterceptorTreatsIt() {
    SqlSessionFactory factory = db.factory(Plugins.softDelete());

    SoftDeleteCheck check = SoftDeleteCheck.of(factory);

    assertThat(check.database()).isEqualTo("H2");
    assertThat(check.softTables()).containsExactly("orders", "users");
    // every statement once, the <selectKey> of OrderMapper.insert among them
    assertThat(check.statements()).hasSize(21).extracting(Statement::id)
        .contains("io.github.softdelete.mybatis.e2e.OrderMapper.insert!selectKey");
    // the suites' two deliberate refusals, and nothing else
    assertThat(check.refused()).extracting(Statement::id).containsExactly(
        "io.github.softdelete.mybatis.e2e.UserMapper.namesUnreadable", "io.github.softdelete.mybatis.e2e.UserMapper.truncate");
    assertThat(check.table().lines().skip(1).findFirst()).hasValue("  14 rewritten, 4 unchanged, 1 left as written,"
        + " 2 refused in the default mode; 7 refusals in other modes; 2 dynamic, 0 of them partly checked");
    assertThat(check.partlyChecked()).isEmpty();
  }
}
