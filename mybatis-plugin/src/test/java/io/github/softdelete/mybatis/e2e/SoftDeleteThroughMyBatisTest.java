package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteException;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract, end to end: mappers that know nothing of soft deletes, MyBatis, the plugin, H2. */
class SoftDeleteThroughMyBatisTest {
  private TestDatabase db;
  private SqlSession session;
  private UserMapper users;
  private OrderMapper orders;

  @BeforeEach
  void openSession() {
    db = TestDatabase.create();
    SqlSessionFactory factory = db.factory(Plugins.softDelete());
    session = factory.openSession(true);
    users = session.getMapper(UserMapper.class);
    orders = session.getMapper(OrderMapper.class);
  }

  @AfterEach
  void close() {
    session.close();
    db.close();
  }

  @Test
  void shouldHideRowsAlreadyMarkedAsDeleted() {
    assertThat(users.names()).containsExactly("ann", "bob", "cid", "eve");
  }

  @Test
  void shouldKeepDeletedRowMarkedAndCountIt() {
    // when
    int count = users.delete(1);

    // then
    assertThat(count).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM users")).isEqualTo(5);
    assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE id = 1 AND deleted_at IS NOT NULL")).isEqualTo(1);
    assertThat(users.names()).containsExactly("bob", "cid", "eve");
  }

  @Test
  void shouldCountNothingWhenDeletingAnAlreadyDeletedRow() {
    long markedAt = db.queryLong("SELECT EXTRACT(EPOCH FROM deleted_at) FROM users WHERE id = 4");

    int count = users.delete(4);

    assertThat(count).isZero();
    assertThat(db.queryLong("SELECT COUNT(*) FROM users")).isEqualTo(5);
    // the first deletion time stays: a second DELETE does not move it
    assertThat(db.queryLong("SELECT EXTRACT(EPOCH FROM deleted_at) FROM users WHERE id = 4")).isEqualTo(markedAt);
  }

  @Test
  void shouldLeaveDeletedRowUnchangedByUpdate() {
    int count = users.rename(4, "changed");

    assertThat(count).isZero();
    assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE name = 'dee'")).isEqualTo(1);
  }

  @Test
  void shouldUpdateLiveRow() {
    int count = users.rename(2, "bobby");

    assertThat(count).isEqualTo(1);
    assertThat(users.names()).containsExactly("ann", "bobby", "cid", "eve");
  }

  @Test
  void shouldShowRestoredRowAgainAfterRestoreInsideIncludeDeleted() {
    // given dee is deleted
    assertThat(users.names()).doesNotContain("dee");

    // when
    int count = IncludeDeleted.get(() -> users.restore(4));

    // then
    assertThat(count).isEqualTo(1);
    assertThat(users.names()).containsExactly("ann", "bob", "cid", "dee", "eve");
  }

  @Test
  void shouldListDeletedRowsAlongsideLiveOnesInsideIncludeDeleted() {
    assertThat(IncludeDeleted.get(users::names)).containsExactly("ann", "bob", "cid", "dee", "eve");
  }

  @Test
  void shouldListOnlyDeletedRowsInsideOnlyDeleted() {
    users.delete(1);

    assertThat(OnlyDeleted.get(users::names)).containsExactly("ann", "dee");
  }

  @Test
  void shouldEraseRowsInsideHardDelete() {
    int count = HardDelete.get(() -> users.delete(2));

    assertThat(count).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM users")).isEqualTo(4);
    assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE id = 2")).isZero();
  }

  @Test
  void shouldStillMarkInsteadOfEraseInsideIncludeDeleted() {
    int count = IncludeDeleted.get(() -> users.delete(3));

    assertThat(count).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM users")).isEqualTo(5);
    assertThat(users.names()).containsExactly("ann", "bob", "eve");
  }

  @Test
  void shouldRefuseTruncateOfSoftTableBeforeItReachesTheDatabase() {
    // MyBatis wraps whatever its executor throws, as it wraps SQLExceptions
    Throwable thrown = catchThrowable(() -> users.truncate());

    assertThat(thrown).isInstanceOf(PersistenceException.class).hasCauseInstanceOf(SoftDeleteException.class);
    SoftDeleteException e = (SoftDeleteException) thrown.getCause();
    assertThat(e).hasMessage("softdelete: refused statement 'io.github.softdelete.mybatis.e2e.UserMapper.truncate'"
        + " on table 'users': TRUNCATE would erase every row, soft-deleted or not; run it inside HardDelete.run(...)"
        + " if that is intended");
    assertThat(e.getStatementId()).isEqualTo("io.github.softdelete.mybatis.e2e.UserMapper.truncate");
    assertThat(e.getTable()).isEqualTo("users");
    assertThat(db.queryLong("SELECT COUNT(*) FROM users")).isEqualTo(5);
  }

  @Test
  void shouldTruncateInsideHardDelete() {
    HardDelete.run(users::truncate);

    assertThat(db.queryLong("SELECT COUNT(*) FROM users")).isZero();
  }

  @Test
  void shouldBindForeachParametersInRewrittenXmlQuery() {
    // orders 10 and 11 (ann) qualify; 12 (bob) is deleted; 13 (dee) is live but below the minimum
    List<Integer> amounts = orders.amountsOfUsers(List.of(1L, 2L, 4L), 50);

    assertThat(amounts).containsExactly(100, 250);
    assertThat(IncludeDeleted.get(() -> orders.amountsOfUsers(List.of(1L, 2L, 4L), 50)))
        .containsExactly(100, 250, 75);
  }

  @Test
  void shouldCountOnlyNewlyMarkedRowsOfForeachDelete() {
    // 12 is already deleted, 13 is live
    int count = orders.deleteAll(List.of(12L, 13L));

    assertThat(count).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM orders")).isEqualTo(4);
    assertThat(orders.orderIds()).containsExactly(10L, 11L);
  }

  @Test
  void shouldInsertWithSelectKeyAndShowTheNewRow() {
    NewOrder order = new NewOrder(3, 40);

    int count = orders.insert(order);

    assertThat(count).isEqualTo(1);
    assertThat(order.getId()).isEqualTo(100L);
    assertThat(orders.orderIds()).containsExactly(10L, 11L, 13L, 100L);
  }

  @Test
  void shouldHideDeletedRowsFromCursor() throws Exception {
    List<String> names = new ArrayList<>();
    try (Cursor<String> cursor = users.namesCursor()) {
      cursor.forEach(names::add);
    }

    assertThat(names).containsExactly("ann", "bob", "cid", "eve");
  }

  @Test
  void shouldLeaveStatementsOnOtherTablesAlone() {
    users.delete(1);

    int count = users.audit("deleted ann");

    assertThat(count).isEqualTo(1);
    assertThat(users.auditMessages(0)).containsExactly("created", "checked", "deleted ann");
  }
}
