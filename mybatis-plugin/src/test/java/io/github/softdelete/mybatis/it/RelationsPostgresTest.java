package io.github.softdelete.mybatis.it;

import java.sql.Connection;
import java.util.List;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;

/** Relations detected from foreign keys, and a tree that restricts itself, on a real PostgreSQL. */
class RelationsPostgresTest extends RelationsServerSuite {
  @Override
  Connection connectAsAdmin() {
    return Databases.postgres();
  }

  @Override
  List<String> createSchema() {
    return concat(dropSchema(), RelationsDdl.of("CREATE SCHEMA " + SCHEMA, "TIMESTAMP(6)", SCHEMA));
  }

  static List<String> concat(String first, List<String> rest) {
    List<String> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  @Override
  String createSelfCascade() {
    return RelationsDdl.selfCascade("TIMESTAMP(6)", SCHEMA);
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
