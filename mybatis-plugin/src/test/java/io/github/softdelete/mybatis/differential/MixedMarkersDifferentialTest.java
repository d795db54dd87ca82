package io.github.softdelete.mybatis.differential;

/** The differential check with a marker convention per table, on H2. */
class MixedMarkersDifferentialTest extends MixedMarkersDifferentialSuite {
  private final ServerSchema schema = ServerSchema.h2("softdelete_mixed_differential");

  @Override
  ServerSchema schema() {
    return schema;
  }
}
