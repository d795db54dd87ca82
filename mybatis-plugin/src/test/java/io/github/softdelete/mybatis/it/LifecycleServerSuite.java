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
import java.util.ArrayList;
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
 * Who and why, undo and cascades through MyBatis on a real server: a parameter before the SET the library
 * adds, row-value IN for the cascade's undo, and the name the server reports for the unique key that blocks a
 * restore. Each server's class gives its DDL, its connection and its form of the DELETE with that parameter.
 */
abstract class LifecycleServerSuite {
  static final String SCHEMA = "softdelete_it_lifecycle";

  /** Written as if soft deletes did not exist; each server adds its DELETE with a parameter before the SET. */
  public interface LifecycleMapper {
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
  LifecycleMapper mapper;

  abstract Connection connectAsAdmin();

  /** Creates {@link #SCHEMA} with users, documents (a unique key on live titles) and attachments. */
  abstract List<String> createSchema();

  abstract String dropSchema();

  abstract UnpooledDataSource dataSource();

  abstract Class<? extends LifecycleMapper> mapperType();

  /** The server's DELETE of a document's attachments, with a parameter before the SET the library adds. */
  abstract int deleteAttachmentsOf(String title, String keep);

  /** The reason a restore blocked by the unique key gives, with anything that varies per run replaced. */
  abstract String blockedRestoreReason(String reason);

  /** The server's own words for the violated key, as the reason quotes them. */
  abstract String databaseSaid();

  @BeforeEach
  void createSchemaAndSession() throws SQLException {
    admin = connectAsAdmin();
    List<String> ddl = new ArrayList<>(createSchema());
    ddl.addAll(List.of(
        "INSERT INTO " + SCHEMA + ".users (id, name) VALUES (1, 'ann'), (2, 'bob')",
        "INSERT INTO " + SCHEMA + ".documents (id, user_id, title, deleted_at) VALUES (10, 1, 'plan', NULL),"
            + " (11, 1, 'notes', NULL), (12, 1, 'draft', '2026-01-01'), (20, 2, 'budget', NULL)",
        "INSERT INTO " + SCHEMA + ".attachments (id, document_id, file_name, deleted_at) VALUES"
            + " (100, 10, 'plan.pdf', NULL), (101, 10, 'plan-v0.pdf', '2026-02-01'), (102, 11, 'notes.txt', NULL),"
            + " (200, 20, 'budget.xls', NULL)"));
    execute(ddl.toArray(new String[0]));

    Properties properties = new Properties();
    properties.setProperty("tables", "users,documents,attachments");
    properties.setProperty("deletedByColumn", "deleted_by");
    properties.setProperty("deleteReasonColumn", "delete_reason");
    properties.setProperty("cascade", "documents.user_id->users.id:attachments.document_id->documents.id");
    Configuration configuration = new Configuration(
        new Environment("it", new JdbcTransactionFactory(), dataSource()));
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
    configuration.addMapper(mapperType());
    session = new SqlSessionFactoryBuilder().build(configuration).openSession(true);
    mapper = session.getMapper(mapperType());
  }

  @AfterEach
  void dropSchemaAndSession() throws SQLException {
    if (session != null) {
      session.close();
    }
    if (admin != null) {
      execute(dropSchema());
      admin.close();
    }
  }

  private void execute(String... statements) throws SQLException {
    AdminSql.execute(admin, statements);
  }

  private List<String> row(String sql) throws SQLException {
    try (Statement statement = admin.createStatement(); var rs = statement.executeQuery(sql)) {
      rs.next();
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        row.add(rs.getString(i));
      }
      return row;
    }
  }

  @Test
  void shouldBindTheAddedValuesBetweenAParameterBeforeTheSetAndOneAfterIt() throws SQLException {
    int count = DeletedBy.as("carol").because("cleanup").get(() -> deleteAttachmentsOf("plan", "none.pdf"));

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
  void shouldNameTheUniqueKeyThatBlocksARestore() {
    mapper.deleteDocument(11);
    mapper.insertDocument(13, 2, "notes");

    Throwable thrown = catchThrowable(() -> Undelete.run(() -> mapper.deleteDocument(11)));

    assertThat(thrown.getCause()).isInstanceOf(SoftDeleteException.class);
    assertThat(blockedRestoreReason(((SoftDeleteException) thrown.getCause()).getReason()))
        .isEqualTo("the restore would give a row a unique key that a live row already holds (constraint"
            + " 'uq_documents_live_title'); change or delete the live row, then restore. The database said: "
            + databaseSaid());
  }
}
