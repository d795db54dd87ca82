package io.github.softdelete.mybatis.it;

import java.sql.Connection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;

/**
 * The lifecycle on a real MariaDB: the parameter before the SET is in a multi-table DELETE's join, and the
 * unique key is on a generated "live" column.
 */
class LifecycleMariaDbTest extends LifecycleServerSuite {
  public interface Mapper extends LifecycleMapper {
    // MariaDB has no WITH before UPDATE; its multi-table form puts the join's parameters before the SET
    @Delete("DELETE a FROM attachments a JOIN documents d ON d.id = a.document_id AND d.title = #{title}"
        + " WHERE a.file_name <> #{keep}")
    int deleteAttachmentsOf(@Param("title") String title, @Param("keep") String keep);
  }

  @Override
  Connection connectAsAdmin() {
    return Databases.mariaDb();
  }

  @Override
  List<String> createSchema() {
    return List.of(dropSchema(),
        "CREATE DATABASE " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".users (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, deleted_at DATETIME(6),"
            + " deleted_by VARCHAR(100), delete_reason VARCHAR(100))",
        "CREATE TABLE " + SCHEMA + ".documents (id INT PRIMARY KEY, user_id INT NOT NULL, title VARCHAR(100) NOT NULL,"
            + " deleted_at DATETIME(6), deleted_by VARCHAR(100), delete_reason VARCHAR(100))",
        "ALTER TABLE " + SCHEMA + ".documents ADD live_title VARCHAR(100)"
            + " AS (IF(deleted_at IS NULL, title, NULL)) PERSISTENT",
        "CREATE UNIQUE INDEX uq_documents_live_title ON " + SCHEMA + ".documents (live_title)",
        "CREATE TABLE " + SCHEMA + ".attachments (id INT PRIMARY KEY, document_id INT NOT NULL,"
            + " file_name VARCHAR(100) NOT NULL, deleted_at DATETIME(6), deleted_by VARCHAR(100),"
            + " delete_reason VARCHAR(100))");
  }

  @Override
  String dropSchema() {
    return "DROP DATABASE IF EXISTS " + SCHEMA;
  }

  @Override
  UnpooledDataSource dataSource() {
    return new UnpooledDataSource("org.mariadb.jdbc.Driver", Databases.mariaDbUrl(SCHEMA), "root", "");
  }

  @Override
  Class<Mapper> mapperType() {
    return Mapper.class;
  }

  @Override
  int deleteAttachmentsOf(String title, String keep) {
    return ((Mapper) mapper).deleteAttachmentsOf(title, keep);
  }

  // the driver numbers its connections
  @Override
  String blockedRestoreReason(String reason) {
    return reason.replaceFirst("conn=\\d+", "conn=X");
  }

  @Override
  String databaseSaid() {
    return "(conn=X) Duplicate entry 'notes' for key 'uq_documents_live_title'";
  }
}
