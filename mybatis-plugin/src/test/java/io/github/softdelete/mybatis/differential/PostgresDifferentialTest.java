package io.github.softdelete.mybatis.differential;

import java.util.List;

/** The differential check on a real PostgreSQL, in a schema of its own that connections find first. */
class PostgresDifferentialTest extends DifferentialSuite {
  private final ServerSchema schema = ServerSchema.postgres("softdelete_differential");

  @Override
  ServerSchema schema() {
    return schema;
  }

  @Override
  List<String> expectedExclusions() {
    return List.of(
        "shouldFilterQuotedUpperCaseTableName",
        "shouldFilterSchemaQualifiedTables",
        "shouldFilterQuotedSchemaQualifiedTable",
        "shouldFilterBacktickQuotedTablesInJoin",
        "shouldFilterBothSidesOfStraightJoin");
  }
}
