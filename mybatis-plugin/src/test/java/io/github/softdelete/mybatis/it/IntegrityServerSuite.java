package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.Undelete;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.annotations.Delete;
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
 * Restrict relations and restore guards through MyBatis on a real server: documents cascade from users,
 * attachments restrict documents. Document 10 has live attachment 100, 11 has live 102, user 2's document 20
 * has live 200. Each server's class gives its DDL and its connection.
 */
abstract class IntegrityServerSuite {
  static final String SCHEMA = "softdelete_it_integrity";
  private static final String RESTRICTED = "the restrict relation 'attachments.document_id->documents.id'"
      + " forbids to delete rows of documents that still have live rows in attachments; delete those rows of"
      + " attachments first";

  /** Written as if soft deletes did not exist. */
  public interface IntegrityMapper {
    @Delete("DELETE FROM documents WHERE id = #{id}")
    int deleteDocument(long id);

    @Delete("DELETE FROM attachments WHERE document_id = #{documentId}")
    int deleteAttachmentsOf(long documentId);

    @Delete("DELETE FROM users WHERE id = #{id}")
    int deleteUser(long id);

    @Select("SELECT id FROM users ORDER BY id")
    List<Long> userIds();

    @Select("SELECT id FROM documents ORDER BY id")
    List<Long> documentIds();

    @Select("SELECT id FROM attachments ORDER BY id")
    List<Long> attachmentIds();
  }

  private Connection admin;
  private SqlSession session;
  private IntegrityMapper mapper;

  abstract Connection connectAsAdmin();

  /** Creates {@link #SCHEMA} with users, documents and attachments, each with deleted_at. */
  abstract List<String> createSchema();

  abstract String dropSchema();

  abstract UnpooledDataSource dataSource();

  @BeforeEach
  void createSchemaAndSession() throws SQLException {
    admin = connectAsAdmin();
    List<String> ddl = new ArrayList<>(createSchema());
    ddl.addAll(List.of(
        "INSERT INTO " + SCHEMA + ".users (id) VALUES (1), (2)",
        "INSERT INTO " + SCHEMA + ".documents (id, user_id) VALUES (10, 1), (11, 1), (20, 2)",
        "INSERT INTO " + SCHEMA + ".attachments (id, document_id) VALUES (100, 10), (102, 11), (200, 20)"));
    execute(ddl.toArray(new String[0]));

    Properties properties = new Properties();
    properties.setProperty("tables", "users,documents,attachments");
    properties.setProperty("cascade", "documents.user_id->users.id");
    properties.setProperty("restrict", "attachments.document_id->documents.id");
    Configuration configuration = new Configuration(
        new Environment("it", new JdbcTransactionFactory(), dataSource()));
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
    configuration.addMapper(IntegrityMapper.class);
    session = new SqlSessionFactoryBuilder().build(configuration).openSession(true);
    mapper = session.getMapper(IntegrityMapper.class);
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

  private long count(String sql) throws SQLException {
    return AdminSql.count(admin, sql);
  }

  private static SoftDeleteException refusal(Throwable thrown) {
    assertThat(thrown.getCause()).isInstanceOf(SoftDeleteException.class);
    return (SoftDeleteException) thrown.getCause();
  }

  @Test
  void shouldRefuseDeletingAParentWithLiveChildrenAndChangeNothing() throws SQLException {
    SoftDeleteException refusal = refusal(catchThrowable(() -> mapper.deleteDocument(10)));

    assertThat(refusal.getTable()).isEqualTo("attachments");
    assertThat(refusal.getReason()).isEqualTo(RESTRICTED);
    assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".documents WHERE deleted_at IS NOT NULL")).isZero();
  }

  @Test
  void shouldMarkAParentWhoseChildrenAreAllDeleted() {
    mapper.deleteAttachmentsOf(11);

    assertThat(mapper.deleteDocument(11)).isEqualTo(1);
    assertThat(mapper.documentIds()).containsExactly(10L, 20L);
  }

  @Test
  void shouldCheckTheRowsACascadeWouldMark() throws SQLException {
    SoftDeleteException refusal = refusal(catchThrowable(() -> mapper.deleteUser(1)));

    assertThat(refusal.getReason()).isEqualTo(RESTRICTED);
    assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".users WHERE deleted_at IS NOT NULL")).isZero();
    mapper.deleteAttachmentsOf(20);
    assertThat(mapper.deleteUser(2)).isEqualTo(1);
    assertThat(mapper.documentIds()).containsExactly(10L, 11L);
  }

  @Test
  void shouldRefuseRestoringAnOrphanAndRestoreItWithItsParent() {
    mapper.deleteAttachmentsOf(20);
    mapper.deleteUser(2);

    SoftDeleteException refusal = refusal(catchThrowable(() -> Undelete.get(() -> mapper.deleteDocument(20))));

    assertThat(refusal.getTable()).isEqualTo("users");
    assertThat(refusal.getReason()).startsWith("the restored rows of documents have a deleted parent in users");
    assertThat(mapper.documentIds()).containsExactly(10L, 11L);
    assertThat(Undelete.get(() -> mapper.deleteUser(2))).isEqualTo(1);
    assertThat(mapper.documentIds()).containsExactly(10L, 11L, 20L);
    assertThat(Undelete.get(() -> mapper.deleteAttachmentsOf(20))).isEqualTo(1);
    assertThat(mapper.attachmentIds()).containsExactly(100L, 102L, 200L);
  }

  @Test
  void shouldRefuseErasingAParentWithLiveChildren() throws SQLException {
    Throwable thrown = catchThrowable(() -> HardDelete.get(() -> mapper.deleteDocument(10)));

    assertThat(refusal(thrown).getReason()).startsWith("the restrict relation"
        + " 'attachments.document_id->documents.id' forbids to erase rows of documents");
    assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".documents")).isEqualTo(3);
  }
}
