package io.github.softdelete.mybatis.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fuzz run of one database: every generated case agrees with its oracle, and the engine refuses few
 * enough of them that agreement means something. Subclasses name the database and its CI-sized counts.
 */
abstract class DifferentialFuzzing {
  /**
   * The generator writes only shapes the design promises to handle, so a refusal there is a gap in the engine,
   * not a safe answer to unknowable SQL; 1% leaves room for one rare shape and fails on a systematic gap.
   */
  static final double MAX_REFUSAL_RATE = 0.01;

  abstract Dialect dialect();

  abstract int ciSelects();

  abstract int ciDmls();

  @Test
  void shouldAgreeWithTheOracleOnEveryGeneratedStatement() throws Exception {
    // given
    FuzzSettings settings = FuzzSettings.fromSystemProperties(ciSelects(), ciDmls());
    FuzzReport report;
    try (FuzzDatabase db = FuzzDatabase.create(dialect())) {
      // when
      report = new Fuzzer(db).run(settings.selectSeeds(), settings.dmlSeeds());
    }

    // then
    System.out.println(report);
    assertThat(report.failureCount()).as("%s%n%s", report, report.failures()).isZero();
    assertThat(report.refusals()).as("refusals: %s", report)
        .isLessThanOrEqualTo((int) Math.floor(report.cases() * MAX_REFUSAL_RATE));
    // the OnlyDeleted check must have something to catch: in a run of any size, many cases read deleted rows
    if (settings.selectSeeds().size() >= 100) {
      assertThat(report.selectsWithDeletedRows()).as("SELECTs returning rows under OnlyDeleted: %s", report)
          .isGreaterThanOrEqualTo(settings.selectSeeds().size() / 4);
      // and the explicitMarker=respect check (half the seeds) must meet statements where respecting matters
      assertThat(report.selectsRespecting()).as("SELECTs whose rows explicitMarker=respect changes: %s", report)
          .isGreaterThanOrEqualTo(settings.selectSeeds().size() / 200);
    }
    // the MERGE check must have something to catch too: MERGEs that revive deleted rows, and that mark live ones
    if (settings.dmlSeeds().size() >= 100 && report.merges() > 0) {
      assertThat(report.mergesReviving()).as("MERGEs reviving a row: %s", report)
          .isGreaterThanOrEqualTo(report.merges() / 10);
      assertThat(report.mergesMarking()).as("MERGEs marking a row: %s", report)
          .isGreaterThanOrEqualTo(report.merges() / 20);
    }
    // the generator writes SQL all three databases run: more rejections than this is a generator bug
    assertThat(report.rejectedByDatabase()).as("rejected by the database: %s", report)
        .isLessThanOrEqualTo((int) Math.floor(report.cases() * MAX_REFUSAL_RATE));
  }
}
