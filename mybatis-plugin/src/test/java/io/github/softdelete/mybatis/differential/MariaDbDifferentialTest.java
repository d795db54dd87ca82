package io.github.softdelete.mybatis.differential;

import java.util.List;

/** The differential check on a real MariaDB, in a database of its own that connections start in. */
class MariaDbDifferentialTest extends DifferentialSuite {
  private final ServerSchema schema = ServerSchema.mariaDb("softdelete_differential");

  @Override
  ServerSchema schema() {
    return schema;
  }

  @Override
  List<String> expectedExclusions() {
    return List.of(
        "shouldFilterQuotedUpperCaseTableName",
        "shouldFilterUnquotedMixedCaseTableNames",
        "shouldFilterSchemaQualifiedTables",
        "shouldFilterQuotedSchemaQualifiedTable",
        "shouldNullExtendBothSidesOfFullJoinOverLiveRows",
        "shouldPickLatestLiveMatchingOrderPerUserWithDistinctOnIlikeAndCast",
        "shouldPickLargestLiveOrderPerLiveUserInLeftJoinLateral");
  }
}
