package io.github.softdelete.mybatis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.HardDelete;
import io.github.softdelete.mybatis.Purge;
import io.github.softdelete.mybatis.PurgeReport;
import io.github.softdelete.mybatis.SoftDeleteCheck;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.Undelete;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.annotations.Delete;
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
 * {@code cascade=detect}, {@code restrict=detect} and a category tree that restricts itself, through MyBatis on
 * a schema with real foreign keys, the soft tables detected by their deleted_at column. Document 1 has notes 10
 * and 11 (ON DELETE CASCADE) and label 100 (ON DELETE SET NULL, not derived); document 2 has note 20; document 3
 * has attachment 300 (ON DELETE RESTRICT). Categories: 1 is the parent of 2, 2 of 3; 4 stands alone
 * (categories.parent_id references categories.id, NO ACTION). Each database's class gives its DDL and connection.
 */
abstract class RelationsServerSuite {
  static final String SCHEMA = "softdelete_it_relations";
  private static final String ATTACHMENTS_RESTRICT = "the restrict relation 'attachments.document_id->documents.id'"
      + " forbids to delete rows of documents that still have live rows in attachments; delete those rows of"
      + " attachments first";
  private static final String TREE_RESTRICT = "the restrict relation 'categories.parent_id->categories.id'"
      + " forbids to delete rows of categories that still have live rows in categories; delete those rows of"
      + " categories first";

  /** Written as if soft deletes did not exist. */
  public interface RelationsMapper {
    @Delete("DELETE FROM documents WHERE id = #{id}")
    int deleteDocument(long id);

    @Delete("DELETE FROM attachments WHERE document_id = #{documentId}")
    int deleteAttachmentsOf(long documentId);

    @Delete("DELETE FROM categories WHERE id BETWEEN #{from} AND #{to}")
    int deleteCategories(@Param("from") long from, @Param("to") long to);

    @Select("SELECT id FROM notes ORDER BY id")
    List<Long> noteIds();

    @Select("SELECT id FROM labels ORDER BY id")
    List<Long> labelIds();

    @Select("SELECT id FROM documents ORDER BY id")
    List<Long> documentIds();

    @Select("SELECT id FROM categories ORDER BY id")
    List<Long> categoryIds();
  }

  private Connection admin;
  private SqlSession session;
  private RelationsMapper mapper;

  abstract Connection connectAsAdmin();

  /**
   * Creates {@link #SCHEMA} with documents, notes, labels, attachments and categories, each with deleted_at, and
   * the foreign keys the class comment names (notes_document, labels_document, attachments_document,
   * categories_parent).
   */
  abstract List<String> createSchema();

  /** A table folders whose foreign key folders_parent references itself ON DELETE CASCADE. */
  abstract String createSelfCascade();

  abstract String dropSchema();

  abstract UnpooledDataSource dataSource();

  @BeforeEach
  void createSchemaAndSession() throws SQLException {
    admin = connectAsAdmin();
    List<String> ddl = new ArrayList<>(createSchema());
    ddl.addAll(List.of(
        "INSERT INTO " + SCHEMA + ".documents (id) VALUES (1), (2), (3)",
        "INSERT INTO " + SCHEMA + ".notes (id, document_id) VALUES (10, 1), (11, 1), (20, 2)",
        "INSERT INTO " + SCHEMA + ".labels (id, document_id) VALUES (100, 1)",
        "INSERT INTO " + SCHEMA + ".attachments (id, document_id) VALUES (300, 3)",
        "INSERT INTO " + SCHEMA + ".categories (id, parent_id) VALUES (1, NULL), (4, NULL)",
        "INSERT INTO " + SCHEMA + ".categories (id, parent_id) VALUES (2, 1)",
        "INSERT INTO " + SCHEMA + ".categories (id, parent_id) VALUES (3, 2)"));
    execute(ddl.toArray(new String[0]));
    mapper = open("cascade", "detect", "restrict", "detect");
  }

  private RelationsMapper open(String... keysAndValues) {
    if (session != null) {
      session.close();
    }
    Properties properties = new Properties();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    Configuration configuration = new Configuration(
        new Environment("it", new JdbcTransactionFactory(), dataSource()));
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
    configuration.addMapper(RelationsMapper.class);
    session = new SqlSessionFactoryBuilder().build(configuration).openSession(true);
    return session.getMapper(RelationsMapper.class);
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
    assertThat(thrown).isNotNull();
    assertThat(thrown.getCause()).isInstanceOf(SoftDeleteException.class);
    return (SoftDeleteException) thrown.getCause();
  }

  @Test
  void shouldMarkTheChildrenOfAnOnDeleteCascadeKeyWithTheParentsTimestamp() throws SQLException {
    assertThat(mapper.deleteDocument(1)).isEqualTo(1);

    assertThat(mapper.documentIds()).containsExactly(2L, 3L);
    assertThat(mapper.noteIds()).containsExactly(20L);
    assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".notes n JOIN " + SCHEMA + ".documents d"
        + " ON d.id = n.document_id WHERE n.deleted_at = d.deleted_at")).isEqualTo(2);
    // ON DELETE SET NULL gives no relation: the label stays live, and nothing refused the DELETE
    assertThat(mapper.labelIds()).containsExactly(100L);
    assertThat(Undelete.get(() -> mapper.deleteDocument(1))).isEqualTo(1);
    assertThat(mapper.noteIds()).containsExactly(10L, 11L, 20L);
  }

  @Test
  void shouldRefuseDeletingAParentWhoseRestrictKeyHasLiveChildren() throws SQLException {
    SoftDeleteException refused = refusal(catchThrowable(() -> mapper.deleteDocument(3)));

    assertThat(refused.getTable()).isEqualTo("attachments");
    assertThat(refused.getReason()).isEqualTo(ATTACHMENTS_RESTRICT);
    assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".documents WHERE deleted_at IS NOT NULL")).isZero();
    assertThat(mapper.deleteAttachmentsOf(3)).isEqualTo(1);
    assertThat(mapper.deleteDocument(3)).isEqualTo(1);
  }

  @Test
  void shouldLetADeclaredRelationWinOverTheKeyBetweenTheSameTables() throws SQLException {
    RelationsMapper declared = open("cascade", "detect", "restrict", "detect,notes.document_id->documents.id");

    SoftDeleteException refused = refusal(catchThrowable(() -> declared.deleteDocument(2)));

    assertThat(refused.getReason()).startsWith("the restrict relation 'notes.document_id->documents.id' forbids");
    assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".notes WHERE deleted_at IS NOT NULL")).isZero();
  }

  @Test
  void shouldCheckEveryStatementWithTheRelationsTheInterceptorDerives() {
    RelationsMapper unused = open("cascade", "detect", "restrict", "detect");
    assertThat(unused).isNotNull();
    Configuration configuration = session.getConfiguration();

    SoftDeleteCheck check = SoftDeleteCheck.of(configuration);

    SoftDeleteCheck.Statement deleteDocument = check.statements().stream()
        .filter(s -> s.id().endsWith(".deleteDocument")).findFirst().orElseThrow();
    List<String> runs = deleteDocument.shapes().get(0).verdicts().get(SoftDeleteMode.DEFAULT).runs();
    assertThat(runs).anyMatch(sql -> sql.startsWith("SELECT 1 FROM attachments"));
    assertThat(runs).anyMatch(sql -> sql.startsWith("UPDATE notes SET deleted_at"));
  }

  @Test
  void shouldPurgeChildrenBeforeTheirParentsByTheForeignKeysWhenDetecting() throws SQLException {
    assertThat(mapper.deleteAttachmentsOf(3)).isEqualTo(1);
    assertThat(mapper.deleteDocument(3)).isEqualTo(1);
    // deleted well before the cut-off, which MariaDB's CURRENT_TIMESTAMP shares to the second
    execute("UPDATE " + SCHEMA + ".attachments SET deleted_at = '2000-01-01 00:00:00' WHERE deleted_at IS NOT NULL",
        "UPDATE " + SCHEMA + ".documents SET deleted_at = '2000-01-01 00:00:00' WHERE deleted_at IS NOT NULL");
    Properties keys = new Properties();
    keys.setProperty("restrict", "detect");

    // given parent first: the RESTRICT key would refuse the document's physical delete while its attachment remains
    PurgeReport report = Purge.builder().tables("documents", "attachments").olderThan(Duration.ZERO)
        .config(SoftDeleteConfig.fromProperties(keys)).build().run(dataSource());

    assertThat(report.tables()).extracting(PurgeReport.Table::table).containsExactly("attachments", "documents");
    assertThat(report.total()).isEqualTo(2);
    assertThat(Purge.builder().tables("documents").olderThan(Duration.ZERO).config(SoftDeleteConfig.fromProperties(keys))
        .build().toString()).contains("children first by the database's foreign keys");
  }

  @Test
  void shouldRefuseDeletingACategoryThatKeepsALiveChild() {
    SoftDeleteException refused = refusal(catchThrowable(() -> mapper.deleteCategories(2, 2)));

    assertThat(refused.getTable()).isEqualTo("categories");
    assertThat(refused.getReason()).isEqualTo(TREE_RESTRICT);
    assertThat(mapper.categoryIds()).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void shouldDeleteACategoryWithItsChildrenInOneStatementAndRestoreThemOnlyTogether() {
    assertThat(mapper.deleteCategories(2, 3)).isEqualTo(2);
    assertThat(mapper.categoryIds()).containsExactly(1L, 4L);

    SoftDeleteException orphan = refusal(catchThrowable(() -> Undelete.get(() -> mapper.deleteCategories(3, 3))));

    assertThat(orphan.getReason()).isEqualTo("the restored rows of categories have a deleted parent in categories"
        + " (relation 'categories.parent_id->categories.id'); restore the parent first, or with them in the same"
        + " statement");
    assertThat(mapper.categoryIds()).containsExactly(1L, 4L);
    assertThat(Undelete.get(() -> mapper.deleteCategories(2, 3))).isEqualTo(2);
    assertThat(mapper.categoryIds()).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void shouldDeleteAWholeTreeAndRestoreAChildWhoseParentIsLive() {
    assertThat(mapper.deleteCategories(3, 3)).isEqualTo(1);
    assertThat(Undelete.get(() -> mapper.deleteCategories(3, 3))).isEqualTo(1);

    assertThat(mapper.deleteCategories(1, 4)).isEqualTo(4);
    assertThat(mapper.categoryIds()).isEmpty();
  }

  @Test
  void shouldRefuseErasingACategoryThatKeepsALiveChild() throws SQLException {
    SoftDeleteException refused = refusal(catchThrowable(() -> HardDelete.get(() -> mapper.deleteCategories(1, 1))));

    assertThat(refused.getReason()).startsWith("the restrict relation 'categories.parent_id->categories.id'"
        + " forbids to erase rows of categories");
    assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".categories")).isEqualTo(4);
  }

  @Test
  void shouldRefuseACycleOfDerivedCascadesNamingItsForeignKey() throws SQLException {
    execute(createSelfCascade());
    RelationsMapper cyclic = open("cascade", "detect");

    SoftDeleteException refused = refusal(catchThrowable(() -> cyclic.deleteDocument(2)));

    assertThat(refused).hasMessage("softdelete: property 'cascade' has value 'detect': the cascades form a cycle:"
        + " folders -> folders (a table that cascades to itself, a tree, needs a recursive query, which softdelete"
        + " does not run), through foreign key folders_parent ('folders.parent_id->folders.id'); write the cascades"
        + " out without detect, leaving one of these out (or declare it in restrict), or change the key's ON DELETE"
        + " rule");
    assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".documents WHERE deleted_at IS NOT NULL")).isZero();
  }
}
