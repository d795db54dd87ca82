package io.github.softdelete.compare.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claims README's comparison table makes of Hibernate's {@code @SoftDelete}: entity queries are
 * filtered, SQL the application writes itself (native queries) is not, and a native DELETE erases.
 */
class HibernateSoftDeleteComparisonTest {
  private SessionFactory sessions;

  @BeforeEach
  void setUp() {
    sessions = new Configuration()
        .addAnnotatedClass(Document.class)
        .setProperty("hibernate.connection.url", "jdbc:h2:mem:compare_hibernate;DB_CLOSE_DELAY=-1")
        .setProperty("hibernate.connection.username", "sa")
        .setProperty("hibernate.hbm2ddl.auto", "create-drop")
        .buildSessionFactory();
    sessions.inTransaction(session -> {
      session.persist(new Document(1, "kept"));
      session.persist(new Document(2, "removed"));
    });
    sessions.inTransaction(session -> session.remove(session.find(Document.class, 2L)));
  }

  @AfterEach
  void tearDown() {
    sessions.close();
  }

  @Test
  void shouldFilterEntityQueriesButNotTheApplicationsOwnSql() {
    List<String> entityQuery = sessions.fromSession(session ->
        session.createSelectionQuery("from Document order by id", Document.class).getResultList())
        .stream().map(Document::title).toList();
    @SuppressWarnings("unchecked")
    List<String> nativeQuery = sessions.fromSession(session ->
        session.createNativeQuery("SELECT title FROM documents ORDER BY id", String.class).getResultList());

    assertThat(entityQuery).containsExactly("kept");
    // the row is still there, marked, and SQL the application writes sees it
    assertThat(nativeQuery).containsExactly("kept", "removed");
  }

  @Test
  void shouldRunANativeDeleteAsWritten() {
    int erased = sessions.fromTransaction(session ->
        session.createNativeMutationQuery("DELETE FROM documents WHERE id = 1").executeUpdate());
    Long left = sessions.fromSession(session ->
        session.createNativeQuery("SELECT COUNT(*) FROM documents", Long.class).getSingleResult());

    assertThat(erased).isEqualTo(1);
    assertThat(left).isEqualTo(1L);
  }
}
