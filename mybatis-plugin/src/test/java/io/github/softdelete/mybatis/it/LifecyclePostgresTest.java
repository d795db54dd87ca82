package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.DeletedBy;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.Undelete;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who and why, undo and cascades through MyBatis on a real PostgreSQL: a parameter before the SET the library
 * adds (WITH ... DELETE, which H2 cannot run), row-value IN for the cascade's undo, and the constraint name
 * PostgreSQL reports for a partial unique index.
 */
class LifecyclePostgresTest {
  private static final String SCHEMA = "softdelete_it_lifecycle";

  /** Written as if soft deletes did not exist. */
  public interface Mapper {
    @Delete("WITH doomed AS (SELECT id FROM documents WHERE title = #{title})"
        + " DELETE FROM attachments WHERE document_id IN (SELECT id FROM doomed) AND file_name <> #{keep}")
    int deleteAttachmentsOf(@Param("title") String title, @Param("keep") String keep);

    @Delete("DELETE FROM documents WHERE id = #{id}")
    int deleteDocument(long id);

    @Delete("DELETE FROM users WHERE id = #{id}")
    int deleteUser(long id);

    @Insert("INSERT INTO documents (id, user_id, title) VALUES (#{id}, #{userId}, #{title})")
    int insertDocument(@Param("id") long id, @Param("userId") long userId, @Param("title") String title);

    @Select("SELECT id FROM documents ORDER BY id")
    List<Long> documentIds();

    @Select("SELECT id FROM attachments ORDER BY id")
    List<Long> attachmentIds();
  }

  private Connection admin;
  private SqlSession session;
  private Mapper mapper;

  @BeforeEach
  void createSchema() throws SQLException {
    admin = Databases.postgres();
    execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".users (id INT PRIMARY KEY, name TEXT NOT NULL, deleted_at TIMESTAMP(6),"
            + " deleted_by TEXT, delete_reason TEXT)",
        "CREATE TABLE " + SCHEMA + ".documents (id INT PRIMARY KEY, user_id INT NOT NULL, title TEXT NOT NULL,"
            + " deleted_at TIMESTAMP(6), deleted_by TEXT, delete_reason TEXT)",
        "CREATE UNIQUE INDEX uq_documents_live_title ON " + SCHEMA + ".documents (title) WHERE deleted_at IS NULL",
        "CREATE TABLE " + SCHEMA + ".attachments (id INT PRIMARY KEY, document_id INT NOT NULL,"
            + " file_name TEXT NOT NULL, deleted_at TIMESTAMP(6), deleted_by TEXT, delete_reason TEXT)",
        "INSERT INTO " + SCHEMA + ".users (id, name) VALUES (1, 'ann'), (2, 'bob')",
        "INSERT INTO " + SCHEMA + ".documents (id, user_id, title, deleted_at) VALUES (10, 1, 'plan', NULL),"
            + " (11, 1, 'notes', NULL), (12, 1, 'draft', '2026-01-01'), (20, 2, 'budget', NULL)",
        "INSERT INTO " + SCHEMA + ".attachments (id, document_id, file_name, deleted_at) VALUES"
            + " (100, 10, 'plan.pdf', NULL), (101, 10, 'plan-v0.pdf', '2026-02-01'), (102, 11, 'notes.txt', NULL),"
            + " (200, 20, 'budget.xls', NULL)");

    Properties properties = new Properties();
    properties.setProperty("tables", "users,documents,attachments");
    properties.setProperty("deletedByColumn", "deleted_by");
    properties.setProperty("deleteReasonColumn", "delete_reason");
    properties.setProperty("cascade", "documents.user_id->users.id:attachments.document_id->documents.id");
    UnpooledDataSource dataSource = new UnpooledDataSource("org.postgresql.Driver",
        Databases.POSTGRES_URL + "&currentSchema=" + SCHEMA, "postgres", "");
    Configuration configuration = new Configuration(
        new Environment("it", new JdbcTransactionFactory(), dataSource));
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
    configuration.addMapper(Mapper.class);
    session = new SqlSessionFactoryBuilder().build(configuration).openSession(true);
    mapper = session.getMapper(Mapper.class);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (session != null) {
      session.close();
    }
    if (admin != null) {
      execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      admin.close();
    }
  }

  private void execute(String... statements) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private List<String> row(String sql) throws SQLException {
    try (Statement statement = admin.createStatement(); var rs = statement.executeQuery(sql)) {
      rs.next();
      List<String> row = new java.util.ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        row.add(rs.getString(i));
      }
      return row;
    }
  }

  @Test
  void shouldBindTheAddedValuesBetweenAParameterBeforeTheSetAndOneAfterIt() throws SQLException {
    int count = DeletedBy.as("carol").because("cleanup")
        .get(() -> mapper.deleteAttachmentsOf("plan", "none.pdf"));

    assertThat(count).isEqualTo(1);
    assertThat(mapper.attachmentIds()).containsExactly(102L, 200L);
    assertThat(row("SELECT deleted_by, delete_reason FROM " + SCHEMA + ".attachments WHERE id = 100"))
        .containsExactly("carol", "cleanup");
  }

  @Test
  void shouldCascadeAndRestoreOnlyTheCascadesChildren() throws SQLException {
    DeletedBy.as("alice").run(() -> mapper.deleteUser(1));
    assertThat(mapper.documentIds()).containsExactly(20L);
    // one marker value for the user, its live documents and their live attachments
    assertThat(row("SELECT COUNT(DISTINCT deleted_at), COUNT(deleted_at) FROM (SELECT deleted_at FROM " + SCHEMA
        + ".users WHERE id = 1 UNION ALL SELECT deleted_at FROM " + SCHEMA + ".documents WHERE id IN (10, 11)"
        + " UNION ALL SELECT deleted_at FROM " + SCHEMA + ".attachments WHERE id IN (100, 102)) m"))
        .containsExactly("1", "5");

    int restored = Undelete.get(() -> mapper.deleteUser(1));

    assertThat(restored).isEqualTo(1);
    assertThat(mapper.documentIds()).containsExactly(10L, 11L, 20L);
    assertThat(mapper.attachmentIds()).containsExactly(100L, 102L, 200L);
  }

  @Test
  void shouldNameThePartialUniqueIndexThatBlocksARestore() {
    mapper.deleteDocument(11);
    mapper.insertDocument(13, 2, "notes");

    Throwable thrown = catchThrowable(() -> Undelete.run(() -> mapper.deleteDocument(11)));

    assertThat(thrown.getCause()).isInstanceOf(SoftDeleteException.class);
    assertThat(((SoftDeleteException) thrown.getCause()).getReason()).isEqualTo("the restore would give a row a"
        + " unique key that a live row already holds (constraint 'uq_documents_live_title'); change or delete"
        + " the live row, then restore. The database said: ERROR: duplicate key value violates unique"
        + " constraint \"uq_documents_live_title\"");
  }
}
