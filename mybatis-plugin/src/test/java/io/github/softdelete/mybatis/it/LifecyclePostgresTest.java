package io.github.softdelete.mybatis.it;

import java.sql.Connection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;

/**
 * The lifecycle on a real PostgreSQL: the parameter before the SET comes from WITH ... DELETE (which H2 cannot
 * run), and the unique key is a partial unique index.
 */
class LifecyclePostgresTest extends LifecycleServerSuite {
  public interface Mapper extends LifecycleMapper {
    @Delete("WITH doomed AS (SELECT id FROM documents WHERE title = #{title})"
        + " DELETE FROM attachments WHERE document_id IN (SELECT id FROM doomed) AND file_name <> #{keep}")
    int deleteAttachmentsOf(@Param("title") String title, @Param("keep") String keep);
  }

  @Override
  Connection connectAsAdmin() {
    return Databases.postgres();
  }

  @Override
  List<String> createSchema() {
    return List.of(dropSchema(),
        "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".users (id INT PRIMARY KEY, name TEXT NOT NULL, deleted_at TIMESTAMP(6),"
            + " deleted_by TEXT, delete_reason TEXT)",
        "CREATE TABLE " + SCHEMA + ".documents (id INT PRIMARY KEY, user_id INT NOT NULL, title TEXT NOT NULL,"
            + " deleted_at TIMESTAMP(6), deleted_by TEXT, delete_reason TEXT)",
        "CREATE UNIQUE INDEX uq_documents_live_title ON " + SCHEMA + ".documents (title) WHERE deleted_at IS NULL",
        "CREATE TABLE " + SCHEMA + ".attachments (id INT PRIMARY KEY, document_id INT NOT NULL,"
            + " file_name TEXT NOT NULL, deleted_at TIMESTAMP(6), deleted_by TEXT, delete_reason TEXT)");
  }

  @Override
  String dropSchema() {
    return "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE";
  }

  @Override
  UnpooledDataSource dataSource() {
    return new UnpooledDataSource("org.postgresql.Driver", Databases.postgresUrl(SCHEMA), "postgres", "");
  }

  @Override
  Class<Mapper> mapperType() {
    return Mapper.class;
  }

  @Override
  int deleteAttachmentsOf(String title, String keep) {
    return ((Mapper) mapper).deleteAttachmentsOf(title, keep);
  }

  @Override
  String blockedRestoreReason(String reason) {
    return reason;
  }

  @Override
  String databaseSaid() {
    return "ERROR: duplicate key value violates unique constraint \"uq_documents_live_title\"";
  }
}
