package io.github.softdelete.mybatis.differential;

/** The differential check with a marker convention per table, on a real MariaDB. */
class MariaDbMixedMarkersDifferentialTest extends MixedMarkersDifferentialSuite {
  private final ServerSchema schema = ServerSchema.mariaDb("softdelete_mixed_differential");

  @Override
  ServerSchema schema() {
    return schema;
  }
}
