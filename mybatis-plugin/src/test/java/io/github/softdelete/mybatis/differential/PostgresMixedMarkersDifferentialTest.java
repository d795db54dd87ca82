package io.github.softdelete.mybatis.differential;

/** The differential check with a marker convention per table, on a real PostgreSQL. */
class PostgresMixedMarkersDifferentialTest extends MixedMarkersDifferentialSuite {
  private final ServerSchema schema = ServerSchema.postgres("softdelete_mixed_differential");

  @Override
  ServerSchema schema() {
    return schema;
  }
}
