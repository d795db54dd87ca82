package io.github.softdelete.mybatis.fuzz;

/** Differential fuzzing on MariaDb ({@code -Dfuzz.cases=N} for more, {@code -Dfuzz.seed=S} to replay a case). */
class MariaDbFuzzTest extends DifferentialFuzzing {
  @Override
  Dialect dialect() {
    return Dialect.MARIADB;
  }

  @Override
  int ciSelects() {
    return 600;
  }

  @Override
  int ciDmls() {
    return 150;
  }
}
