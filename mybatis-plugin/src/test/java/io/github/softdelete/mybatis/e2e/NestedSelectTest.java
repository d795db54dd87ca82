package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nested selects of result maps run through MyBatis's executor without passing the plugin chain. */
class NestedSelectTest {
  private TestDatabase db;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void shouldHideDeletedRowsFromNestedSelect() {
    SqlSessionFactory factory = db.factory(Plugins.softDelete());
    try (SqlSession session = factory.openSession()) {
      List<Map<String, Object>> users = session.getMapper(OrderMapper.class).usersWithAmounts();

      // bob's only order (12) is deleted
      assertThat(users).extracting(u -> u.get("name")).containsExactly("ann", "bob", "cid", "eve");
      assertThat(users).extracting(u -> u.get("amounts"))
          .containsExactly(List.of(100, 250), List.of(), List.of(), List.of());
    }
  }
}
