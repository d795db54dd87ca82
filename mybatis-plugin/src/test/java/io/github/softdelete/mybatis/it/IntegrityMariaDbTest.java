package io.github.softdelete.mybatis.it;

import java.sql.Connection;
import java.util.List;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;

/** Restrict relations and restore guards on a real MariaDB. */
class IntegrityMariaDbTest extends IntegrityServerSuite {
  @Override
  Connection connectAsAdmin() {
    return Databases.mariaDb();
  }

  @Override
  List<String> createSchema() {
    return List.of(dropSchema(),
        "CREATE DATABASE " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".users (id INT PRIMARY KEY, deleted_at DATETIME(6))",
        "CREATE TABLE " + SCHEMA + ".documents (id INT PRIMARY KEY, user_id INT NOT NULL, deleted_at DATETIME(6))",
        "CREATE TABLE " + SCHEMA + ".attachments (id INT PRIMARY KEY, document_id INT NOT NULL,"
            + " deleted_at DATETIME(6))");
  }

  @Override
  String dropSchema() {
    return "DROP DATABASE IF EXISTS " + SCHEMA;
  }

  @Override
  UnpooledDataSource dataSource() {
    return new UnpooledDataSource("org.mariadb.jdbc.Driver", Databases.mariaDbUrl(SCHEMA), "root", "");
  }
}
