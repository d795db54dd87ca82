package io.github.softdelete.mybatis.fuzz;

/** Differential fuzzing on H2 ({@code -Dfuzz.cases=N} for more, {@code -Dfuzz.seed=S} to replay a case). */
class H2FuzzTest extends DifferentialFuzzing {
  @Override
  Dialect dialect() {
    return Dialect.H2;
  }

  @Override
  int ciSelects() {
    return 2000;
  }

  @Override
  int ciDmls() {
    return 400;
  }
}
