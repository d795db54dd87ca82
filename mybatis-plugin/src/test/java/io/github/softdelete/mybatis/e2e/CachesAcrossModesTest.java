package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.OnlyDeleted;
import java.util.List;
import java.util.function.Function;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query in one mode never returns rows cached in another: neither from the session's local cache nor from a
 * mapper's {@code <cache/>}. Run twice: as MyBatis calls the plugin, and through the six-argument query that
 * PageHelper and similar plugins call with a cache key computed from the original SQL.
 */
class CachesAcrossModesTest {
  private TestDatabase db;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private SqlSessionFactory factory(boolean sixArgCallerOutside) {
    Interceptor softDelete = Plugins.softDelete();
    return sixArgCallerOutside ? db.factory(softDelete, new SixArgQueryCaller()) : db.factory(softDelete);
  }

  @ParameterizedTest(name = "six-argument caller outside: {0}")
  @ValueSource(booleans = {false, true})
  void shouldNotServeRowsFromLocalCacheOfAnotherMode(boolean sixArgCallerOutside) {
    try (SqlSession session = factory(sixArgCallerOutside).openSession()) {
      UserMapper users = session.getMapper(UserMapper.class);

      List<String> live = users.names();
      List<String> all = IncludeDeleted.get(users::names);
      List<String> deleted = OnlyDeleted.get(users::names);
      List<String> liveAgain = users.names();

      assertThat(live).containsExactly("ann", "bob", "cid", "eve");
      assertThat(all).containsExactly("ann", "bob", "cid", "dee", "eve");
      assertThat(deleted).containsExactly("dee");
      // the local cache is in use: the same object comes back for the same query in the same mode
      assertThat(liveAgain).isSameAs(live);
    }
  }

  @ParameterizedTest(name = "six-argument caller outside: {0}")
  @ValueSource(booleans = {false, true})
  void shouldNotServeRowsFromSecondLevelCacheOfAnotherMode(boolean sixArgCallerOutside) {
    SqlSessionFactory factory = factory(sixArgCallerOutside);
    Function<Function<CachedUserMapper, List<String>>, List<String>> inNewSession = query -> {
      try (SqlSession session = factory.openSession()) {
        return query.apply(session.getMapper(CachedUserMapper.class));
      }
    };
    List<String> live = inNewSession.apply(CachedUserMapper::names);
    // renamed behind MyBatis's back: only a query that misses the cache can see it
    db.execute("UPDATE users SET name = 'ANN' WHERE id = 1");

    List<String> liveFromCache = inNewSession.apply(CachedUserMapper::names);
    List<String> all = IncludeDeleted.get(() -> inNewSession.apply(CachedUserMapper::names));
    List<String> deleted = OnlyDeleted.get(() -> inNewSession.apply(CachedUserMapper::names));

    assertThat(live).containsExactly("ann", "bob", "cid", "eve");
    assertThat(liveFromCache).containsExactly("ann", "bob", "cid", "eve");
    assertThat(all).containsExactly("ANN", "bob", "cid", "dee", "eve");
    assertThat(deleted).containsExactly("dee");
  }

  @Test
  void shouldAnswerFromSecondLevelCacheWithoutOpeningAConnection() {
    SqlSessionFactory factory = factory(false);
    try (SqlSession session = factory.openSession()) {
      session.getMapper(CachedUserMapper.class).names();
    }
    long requests = db.connectionRequests();

    List<String> cached;
    try (SqlSession session = factory.openSession()) {
      cached = session.getMapper(CachedUserMapper.class).names();
    }

    assertThat(cached).containsExactly("ann", "bob", "cid", "eve");
    assertThat(db.connectionRequests()).isEqualTo(requests);
  }
}
