#!/usr/bin/env bash
# Runs every benchmark, ROUNDS times over (each round one JMH run, each variant once in its own forked JVM, so
# that a machine whose speed drifts during the run slows every variant alike), draws the chart and the table
# from the rounds' JSON pooled, then runs the memory test of the rewrite cache. Results go to benchmarks/results/.
#
#   benchmarks/run.sh                      # the full run (about 25 minutes on 2 quiet cores)
#   ROUNDS=1 WARMUP=1 ITERATIONS=2 TIME=1s STATEMENTS=100000 benchmarks/run.sh   # a smoke run
#   benchmarks/run.sh SelectBenchmark      # extra arguments go to JMH (here: a regex of benchmarks to run)
#   STATEMENTS=0 benchmarks/run.sh ...     # without the memory test
#   benchmarks/shapes.sh                   # the statement-shape benchmarks only, in one run (about 10 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-6}
ITERATIONS=${ITERATIONS:-5}
TIME=${TIME:-1s}
STATEMENTS=${STATEMENTS:-1000000}
OUT=${OUT:-benchmarks/results}
TITLE=${TITLE:-"softdelete vs MyBatis and MyBatis-Plus, H2 in memory ($(nproc) cores, ${ROUNDS} rounds x ${ITERATIONS} x ${TIME})"}

for setting in ROUNDS ITERATIONS; do
  if ! [[ ${!setting} =~ ^[1-9][0-9]*$ ]]; then
    echo "benchmarks/run.sh: $setting must be a whole number of at least 1, not '${!setting}'" >&2
    exit 2
  fi
done
for setting in WARMUP STATEMENTS; do
  if ! [[ ${!setting} =~ ^[0-9]+$ ]]; then
    echo "benchmarks/run.sh: $setting must be a whole number, not '${!setting}'" >&2
    exit 2
  fi
done

mvn -q -B -ntp -pl benchmarks -am package -DskipTests
mkdir -p "$OUT"
rm -f "$OUT"/jmh*.json
: > "$OUT/jmh.txt"
JAR=benchmarks/target/benchmarks.jar

# the machine may be shared: its load before and after goes into machine.txt
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ROUND_FILES=()
for round in $(seq 1 "$ROUNDS"); do
  echo "# round $round of $ROUNDS" | tee -a "$OUT/jmh.txt"
  java -jar "$JAR" -f 1 -wi "$WARMUP" -w "$TIME" -i "$ITERATIONS" -r "$TIME" -prof gc \
    -rf json -rff "$OUT/jmh-$round.json" "$@" | tee -a "$OUT/jmh.txt"
  ROUND_FILES+=("$OUT/jmh-$round.json")
done
java -cp "$JAR" io.github.softdelete.benchmarks.Chart "$OUT/chart.png" "$OUT/table.md" "$TITLE" "${ROUND_FILES[@]}"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
if [[ $STATEMENTS -gt 0 ]]; then
  java -Xms2g -Xmx2g -cp "$JAR" io.github.softdelete.benchmarks.CacheMemory "$STATEMENTS" | tee "$OUT/memory.txt"
fi
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"\
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | sed -n 1p)"
  echo "run: ROUNDS=$ROUNDS WARMUP=$WARMUP ITERATIONS=$ITERATIONS TIME=$TIME, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "arguments to JMH: ${*:-none}"
  echo "load average (1, 5, 15 min) before the benchmarks: $LOAD_BEFORE; after: $LOAD_AFTER"
} > "$OUT/machine.txt"
cat "$OUT/table.md" "$OUT/machine.txt"
