package io.github.softdelete.mybatis.it;

import java.sql.Connection;
import java.util.List;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;

/** Restrict relations and restore guards on a real PostgreSQL. */
class IntegrityPostgresTest extends IntegrityServerSuite {
  @Override
  Connection connectAsAdmin() {
    return Databases.postgres();
  }

  @Override
  List<String> createSchema() {
    return List.of(dropSchema(),
        "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".users (id INT PRIMARY KEY, deleted_at TIMESTAMP(6))",
        "CREATE TABLE " + SCHEMA + ".documents (id INT PRIMARY KEY, user_id INT NOT NULL, deleted_at TIMESTAMP(6))",
        "CREATE TABLE " + SCHEMA + ".attachments (id INT PRIMARY KEY, document_id INT NOT NULL,"
            + " deleted_at TIMESTAMP(6))");
  }

  @Override
  String dropSchema() {
    return "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE";
  }

  @Override
  UnpooledDataSource dataSource() {
    return new UnpooledDataSource("org.postgresql.Driver", Databases.postgresUrl(SCHEMA), "postgres", "");
  }
}
