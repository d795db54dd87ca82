package io.github.softdelete.mybatis.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;

/** Relations detected from foreign keys, and a tree that restricts itself, on H2. */
class RelationsH2Test extends RelationsServerSuite {
  private static final String URL = "jdbc:h2:mem:relations;DB_CLOSE_DELAY=-1;SCHEMA=" + SCHEMA.toUpperCase();

  @Override
  Connection connectAsAdmin() {
    try {
      return DriverManager.getConnection("jdbc:h2:mem:relations;DB_CLOSE_DELAY=-1", "sa", "");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  List<String> createSchema() {
    return RelationsDdl.of("CREATE SCHEMA " + SCHEMA, "TIMESTAMP(6)", SCHEMA);
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
    return new UnpooledDataSource("org.h2.Driver", URL, "sa", "");
  }
}
