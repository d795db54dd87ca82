#!/usr/bin/env bash
# The benchmarks of statement shapes in one JMH run (every variant once, in its own JVM): the foreach and literal
# storms against the hand-filtered floor and MyBatis-Plus's runtime rewrite, the 1,000-item IN-list first seen
# and warm, the cold cost of IN-lists of 1 to 1,000 items, and the warm selects (floor, plain, softdelete) that
# the shape cache must not slow down. A small run (about 10 minutes on 2 cores); any setting of run.sh can be
# changed the same way, e.g. ITERATIONS=5 benchmarks/shapes.sh. Results go to benchmarks/results/shapes/.
set -euo pipefail
cd "$(dirname "$0")/.."
export OUT=${OUT:-benchmarks/results/shapes}
export ROUNDS=${ROUNDS:-1}
export WARMUP=${WARMUP:-3}
export ITERATIONS=${ITERATIONS:-5}
export TIME=${TIME:-1s}
export STATEMENTS=${STATEMENTS:-0}
export TITLE=${TITLE:-"statement shapes, H2 in memory ($(nproc) cores, ${ROUNDS} run x ${ITERATIONS} x ${TIME})"}
exec benchmarks/run.sh ForeachStormBenchmark LiteralStormBenchmark ColdInListBenchmark SelectBenchmark \
  -p variant=FLOOR,PLAIN,SOFTDELETE "$@"
