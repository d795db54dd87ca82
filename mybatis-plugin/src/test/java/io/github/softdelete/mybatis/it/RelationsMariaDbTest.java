package io.github.softdelete.mybatis.it;

import java.sql.Connection;
import java.util.List;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;

/**
 * Relations detected from foreign keys, and a tree that restricts itself, on a real MariaDB, which refuses the
 * target table in a subquery of an UPDATE: the checks run as SELECTs of their own first.
 */
class RelationsMariaDbTest extends RelationsServerSuite {
  @Override
  Connection connectAsAdmin() {
    return Databases.mariaDb();
  }

  @Override
  List<String> createSchema() {
    return RelationsPostgresTest.concat(dropSchema(), RelationsDdl.of("CREATE DATABASE " + SCHEMA, "DATETIME(6)",
        SCHEMA));
  }

  @Override
  String createSelfCascade() {
    return RelationsDdl.selfCascade("DATETIME(6)", SCHEMA);
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
