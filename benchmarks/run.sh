#!/usr/bin/env bash
# Runs every benchmark in ONE JMH run (each variant in its own forked JVM), draws the chart and the table from
# JMH's JSON, then runs the memory test of the rewrite cache. Results go to benchmarks/results/.
#
#   benchmarks/run.sh                      # the full run (about 15 minutes on 2 quiet cores)
#   FORKS=1 WARMUP=1 ITERATIONS=2 TIME=1s STATEMENTS=100000 benchmarks/run.sh   # a smoke run
#   benchmarks/run.sh SelectBenchmark      # extra arguments go to JMH (here: a regex of benchmarks to run)
set -euo pipefail
cd "$(dirname "$0")/.."

FORKS=${FORKS:-2}
WARMUP=${WARMUP:-4}
ITERATIONS=${ITERATIONS:-5}
TIME=${TIME:-1s}
STATEMENTS=${STATEMENTS:-1000000}
OUT=${OUT:-benchmarks/results}
TITLE=${TITLE:-"softdelete vs MyBatis and MyBatis-Plus, H2 in memory ($(nproc) cores, ${FORKS} forks x ${ITERATIONS} x ${TIME})"}

mvn -q -B -ntp -pl benchmarks -am package -DskipTests
mkdir -p "$OUT"
JAR=benchmarks/target/benchmarks.jar

java -jar "$JAR" -f "$FORKS" -wi "$WARMUP" -w "$TIME" -i "$ITERATIONS" -r "$TIME" -prof gc \
  -rf json -rff "$OUT/jmh.json" "$@" | tee "$OUT/jmh.txt"
java -cp "$JAR" io.github.softdelete.benchmarks.Chart "$OUT/jmh.json" "$OUT/chart.png" "$OUT/table.md" "$TITLE"
java -Xms2g -Xmx2g -cp "$JAR" io.github.softdelete.mybatis.internal.CacheMemory "$STATEMENTS" | tee "$OUT/memory.txt"
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"\
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -n 1)"
  echo "run: FORKS=$FORKS WARMUP=$WARMUP ITERATIONS=$ITERATIONS TIME=$TIME, $(date -u +%Y-%m-%dT%H:%MZ)"
} > "$OUT/machine.txt"
cat "$OUT/table.md" "$OUT/machine.txt"
