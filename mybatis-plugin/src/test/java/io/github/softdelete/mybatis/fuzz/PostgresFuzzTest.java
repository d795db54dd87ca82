package io.github.softdelete.mybatis.fuzz;

/** Differential fuzzing on Postgres ({@code -Dfuzz.cases=N} for more, {@code -Dfuzz.seed=S} to replay a case). */
class PostgresFuzzTest extends DifferentialFuzzing {
  @Override
  Dialect dialect() {
    return Dialect.POSTGRES;
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
